namespace Actors.Grains;

/// <summary>Reads the task catalog (Orleans has no query across grains). A stateless worker on every silo.</summary>
[Alias("actors.ITaskQueryGrain")]
public interface ITaskQueryGrain : IGrainWithIntegerKey
{
    /// <summary>A page of tasks and the true total.</summary>
    [Alias("list")]
    Task<TaskPage> ListAsync(TaskQuery query);

    /// <summary>Tasks per status.</summary>
    [Alias("count")]
    Task<StatusCounts> CountAsync();
}

namespace Actors.Grains;

/// <summary>Reads the run history of every task (answered by whichever silo the caller reaches).</summary>
[Alias("actors.IRunQueryGrain")]
public interface IRunQueryGrain : IGrainWithIntegerKey
{
    /// <summary>A page of finished runs, newest first; a task's run in flight is in <see cref="ITaskGrain.GetUnwrittenRunsAsync"/>.</summary>
    [Alias("list")]
    Task<RunPage> ListAsync(RunQuery query);
}

namespace Actors.Grains.Catalog;

/// <summary>Answers list and count queries from the catalog, on whichever silo the caller reaches.</summary>
[StatelessWorker, GrainType("task-query")]
internal sealed class TaskQueryGrain(ITaskCatalog catalog) : Grain, ITaskQueryGrain
{
    public Task<TaskPage> ListAsync(TaskQuery query) => catalog.ListAsync(query with
    {
        Limit = Math.Clamp(query.Limit, 1, TaskQuery.MaxLimit),
        Offset = Math.Max(0, query.Offset),
    });

    public Task<StatusCounts> CountAsync() => catalog.CountAsync();
}

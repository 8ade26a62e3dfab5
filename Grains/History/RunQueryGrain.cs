namespace Actors.Grains.History;

/// <summary>Answers run history queries on whichever silo the caller reaches.</summary>
[StatelessWorker, GrainType("run-query")]
internal sealed class RunQueryGrain(IRunHistory history) : Grain, IRunQueryGrain
{
    public Task<RunPage> ListAsync(RunQuery query) => history.ListAsync(query with
    {
        Limit = Math.Clamp(query.Limit, 1, RunQuery.MaxLimit),
        Offset = Math.Max(0, query.Offset),
    });
}

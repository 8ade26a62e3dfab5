namespace Actors.Grains;

/// <summary>The cluster's list of flows (ids and whether they are active), for listing and filtering.</summary>
[Alias("actors.IFlowDirectoryGrain")]
public interface IFlowDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or updates a flow.</summary>
    [Alias("set")]
    Task SetAsync(string flowId, bool active);

    /// <summary>Removes a flow.</summary>
    [Alias("remove")]
    Task RemoveAsync(string flowId);

    /// <summary>Flow ids ordered by id (<paramref name="active"/>: only active or stopped ones; <paramref name="search"/>: ids containing it) and how many match.</summary>
    [Alias("list"), AlwaysInterleave]
    Task<(int Total, string[] FlowIds)> ListAsync(bool? active, string? search, int offset, int limit);
}

namespace Actors.Grains;

/// <summary>Where the latest run of a node started with <c>POST /nodes/execute</c> is (seed 003's node endpoints).</summary>
[Alias("actors.INodeIndexGrain")]
public interface INodeIndexGrain : IGrainWithStringKey
{
    /// <summary>The node now runs in this flow and cycle.</summary>
    [Alias("set")]
    Task SetAsync(string flowId, long cycle);

    /// <summary>The node's flow and cycle; null when it never ran.</summary>
    [Alias("get"), AlwaysInterleave]
    Task<(string FlowId, long Cycle)?> GetAsync();
}

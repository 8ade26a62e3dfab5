namespace Actors.Grains.Flows;

/// <summary>Where a node started by <c>POST /nodes/execute</c> last ran.</summary>
[GrainType("node-index")]
internal sealed class NodeIndexGrain(
    [PersistentState("node", StorageNames.Default)] IPersistentState<NodeIndexState> store) : Grain, INodeIndexGrain
{
    public async Task SetAsync(string flowId, long cycle)
    {
        store.State.FlowId = flowId;
        store.State.Cycle = cycle;
        await store.WriteStateAsync();
    }

    public Task<(string FlowId, long Cycle)?> GetAsync() =>
        Task.FromResult(store.State.FlowId is { } flowId ? (flowId, store.State.Cycle) : ((string, long)?)null);
}

/// <summary>The stored place of a node's latest run.</summary>
[GenerateSerializer]
public sealed class NodeIndexState
{
    /// <summary>Its flow; null when it never ran.</summary>
    [Id(0), System.Text.Json.Serialization.JsonPropertyName("flowId")] public string? FlowId { get; set; }

    /// <summary>Its cycle.</summary>
    [Id(1), System.Text.Json.Serialization.JsonPropertyName("cycle")] public long Cycle { get; set; }
}

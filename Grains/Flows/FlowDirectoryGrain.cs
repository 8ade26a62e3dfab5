namespace Actors.Grains.Flows;

/// <summary>The list of flows: id → active, stored as one row (flows are few next to tasks).</summary>
[GrainType("flow-directory")]
internal sealed class FlowDirectoryGrain(
    [PersistentState("flows", StorageNames.Default)] IPersistentState<FlowDirectoryState> store) : Grain, IFlowDirectoryGrain
{
    public async Task SetAsync(string flowId, bool active)
    {
        if (store.State.Flows.TryGetValue(flowId, out var known) && known == active)
        {
            return;
        }

        store.State.Flows[flowId] = active;
        await store.WriteStateAsync();
    }

    public async Task RemoveAsync(string flowId)
    {
        if (store.State.Flows.Remove(flowId))
        {
            await store.WriteStateAsync();
        }
    }

    public Task<(int Total, string[] FlowIds)> ListAsync(bool? active, string? search, int offset, int limit)
    {
        var matching = store.State.Flows
            .Where(f => (active is null || f.Value == active) && (string.IsNullOrEmpty(search) || f.Key.Contains(search, StringComparison.OrdinalIgnoreCase)))
            .Select(f => f.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult((matching.Count, matching.Skip(offset).Take(limit).ToArray()));
    }
}

/// <summary>The stored list of flows.</summary>
[GenerateSerializer]
public sealed class FlowDirectoryState
{
    /// <summary>Flow id → active.</summary>
    [Id(0), System.Text.Json.Serialization.JsonPropertyName("flows")] public Dictionary<string, bool> Flows { get; set; } = new(StringComparer.Ordinal);
}

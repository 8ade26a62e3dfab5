namespace Actors.Grains.Agents;

/// <summary>The hub's stored part: the agents it knows (runs and sessions live in memory and are rebuilt).</summary>
[GenerateSerializer]
public sealed class AgentHubState
{
    /// <summary>Known agents by name.</summary>
    [Id(0)] public Dictionary<string, StoredAgent> Agents { get; set; } = new(StringComparer.Ordinal);
}

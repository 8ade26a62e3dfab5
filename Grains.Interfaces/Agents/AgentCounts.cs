namespace Actors.Grains;

/// <summary>How many agents and agent runs there are, for status and health.</summary>
[GenerateSerializer, Immutable, Alias("actors.agent-counts")]
public sealed record AgentCounts
{
    /// <summary>Agents connected and heard from.</summary>
    [Id(0)] public int Online { get; init; }

    /// <summary>Known agents not online.</summary>
    [Id(1)] public int Offline { get; init; }

    /// <summary>Online agents that take no new runs.</summary>
    [Id(2)] public int Draining { get; init; }

    /// <summary>Runs waiting for an agent.</summary>
    [Id(3)] public int Waiting { get; init; }

    /// <summary>Runs offered to or running on an agent.</summary>
    [Id(4)] public int Running { get; init; }
}

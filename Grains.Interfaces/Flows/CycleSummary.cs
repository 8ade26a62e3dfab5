namespace Actors.Grains;

/// <summary>One cycle of a flow, in a list.</summary>
[GenerateSerializer, Immutable, Alias("actors.cycle-summary")]
public sealed record CycleSummary
{
    /// <summary>Its number.</summary>
    [Id(0)] public long Cycle { get; init; }

    /// <summary>Its state.</summary>
    [Id(1)] public CycleState State { get; init; }

    /// <summary>What started it.</summary>
    [Id(2)] public CycleTrigger Trigger { get; init; }

    /// <summary>When it started.</summary>
    [Id(3)] public DateTimeOffset StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    [Id(4)] public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Nodes per state (only states with nodes).</summary>
    [Id(5)] public Dictionary<NodeState, int> NodeCounts { get; init; } = [];
}

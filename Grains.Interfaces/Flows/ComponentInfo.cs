namespace Actors.Grains;

/// <summary>One weakly connected component of a flow (in a cycle: with its state).</summary>
[GenerateSerializer, Immutable, Alias("actors.component-info")]
public sealed record ComponentInfo
{
    /// <summary>Its number (0, 1, ... by its first node in the definition).</summary>
    [Id(0)] public int Component { get; init; }

    /// <summary>Its state in the cycle (running for a definition).</summary>
    [Id(1)] public CycleState State { get; init; }

    /// <summary>Its nodes, in definition order.</summary>
    [Id(2)] public string[] Nodes { get; init; } = [];
}

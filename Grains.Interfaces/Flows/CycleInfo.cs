namespace Actors.Grains;

/// <summary>One cycle with every node and component.</summary>
[GenerateSerializer, Immutable, Alias("actors.cycle-info")]
public sealed record CycleInfo
{
    /// <summary>The flow.</summary>
    [Id(0)] public string FlowId { get; init; } = "";

    /// <summary>Number, state, trigger and times.</summary>
    [Id(1)] public CycleSummary Summary { get; init; } = new();

    /// <summary>Components with their states.</summary>
    [Id(2)] public ComponentInfo[] Components { get; init; } = [];

    /// <summary>Nodes in definition order.</summary>
    [Id(3)] public NodeRunInfo[] Nodes { get; init; } = [];
}

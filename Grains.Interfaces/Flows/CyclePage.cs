namespace Actors.Grains;

/// <summary>A page of a flow's cycles, newest first.</summary>
[GenerateSerializer, Immutable, Alias("actors.cycle-page")]
public sealed record CyclePage
{
    /// <summary>Cycles the flow keeps.</summary>
    [Id(0)] public int Total { get; init; }

    /// <summary>This page.</summary>
    [Id(1)] public CycleSummary[] Cycles { get; init; } = [];
}

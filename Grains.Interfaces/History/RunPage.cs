namespace Actors.Grains;

/// <summary>A page of runs, newest first.</summary>
[GenerateSerializer, Immutable, Alias("actors.run-page")]
public sealed record RunPage
{
    /// <summary>How many runs match (counted up to <see cref="CountLimit"/>).</summary>
    [Id(0)] public long Total { get; init; }

    /// <summary>True when more than <see cref="CountLimit"/> match and <see cref="Total"/> stopped counting there.</summary>
    [Id(1)] public bool TotalIsLowerBound { get; init; }

    /// <summary>The runs.</summary>
    [Id(2)] public RunRecord[] Runs { get; init; } = [];

    /// <summary>Pass as <see cref="RunQuery.Cursor"/> for the next page; null on the last page.</summary>
    [Id(3)] public string? NextCursor { get; init; }

    /// <summary>Counting stops here: counting every run of a large history would cost more than the page.</summary>
    public const long CountLimit = 10_000;
}

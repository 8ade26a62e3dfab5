namespace Actors.Grains;

/// <summary>A page of runs, newest first, filtered.</summary>
[GenerateSerializer, Immutable, Alias("actors.run-query")]
public sealed record RunQuery
{
    /// <summary>The most runs a page may hold.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Only this task's runs.</summary>
    [Id(0)] public Guid? TaskId { get; init; }

    /// <summary>Only runs of this account's tasks.</summary>
    [Id(1)] public string? AccountId { get; init; }

    /// <summary>Only runs with this outcome.</summary>
    [Id(2)] public RunOutcome? Outcome { get; init; }

    /// <summary>Only runs started at or after this.</summary>
    [Id(3)] public DateTimeOffset? Since { get; init; }

    /// <summary>Only runs started before this.</summary>
    [Id(4)] public DateTimeOffset? Until { get; init; }

    /// <summary>Page size (1 to <see cref="MaxLimit"/>).</summary>
    [Id(5)] public int Limit { get; init; } = 100;

    /// <summary>Runs to skip (ignored with <see cref="Cursor"/>).</summary>
    [Id(6)] public int Offset { get; init; }

    /// <summary>Continue after the page that returned this <see cref="RunPage.NextCursor"/>.</summary>
    [Id(7)] public string? Cursor { get; init; }
}

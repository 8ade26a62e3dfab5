namespace Actors.Grains;

/// <summary>One page of tasks (oldest first) and the true number that match.</summary>
[GenerateSerializer, Immutable, Alias("actors.task-page")]
public sealed record TaskPage
{
    /// <summary>Tasks matching the filters, over all pages.</summary>
    [Id(0)] public long Total { get; init; }

    /// <summary>This page.</summary>
    [Id(1)] public TaskInfo[] Tasks { get; init; } = [];
}

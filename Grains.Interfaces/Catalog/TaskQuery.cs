namespace Actors.Grains;

/// <summary>A page of the task list, optionally filtered.</summary>
[GenerateSerializer, Immutable, Alias("actors.task-query")]
public sealed record TaskQuery
{
    /// <summary>Largest page.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Only this account's tasks.</summary>
    [Id(0)] public string? AccountId { get; init; }

    /// <summary>Only tasks in this status.</summary>
    [Id(1)] public ScheduledTaskStatus? Status { get; init; }

    /// <summary>Page size, 1–1000.</summary>
    [Id(2)] public int Limit { get; init; } = 100;

    /// <summary>Tasks to skip.</summary>
    [Id(3)] public int Offset { get; init; }
}

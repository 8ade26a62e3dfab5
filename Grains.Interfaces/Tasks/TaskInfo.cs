namespace Actors.Grains;

/// <summary>What a client may see of a task: its spec plus its live state.</summary>
[GenerateSerializer, Immutable, Alias("actors.task-info")]
public sealed record TaskInfo
{
    /// <summary>Server-generated id.</summary>
    [Id(0)] public Guid TaskId { get; init; }

    /// <summary>The client's spec, normalised.</summary>
    [Id(1)] public TaskSpec Spec { get; init; } = new();

    /// <summary>Current status.</summary>
    [Id(2)] public ScheduledTaskStatus Status { get; init; }

    /// <summary>Completed rounds.</summary>
    [Id(3)] public long RoundNum { get; init; }

    /// <summary>Start of the last run.</summary>
    [Id(4)] public DateTimeOffset? LastExecutionTime { get; init; }

    /// <summary>The next scheduled run; null when none is scheduled.</summary>
    [Id(5)] public DateTimeOffset? NextExecutionTime { get; init; }

    /// <summary>Creation time.</summary>
    [Id(6)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last change.</summary>
    [Id(7)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The last finished run, if any.</summary>
    [Id(8)] public RunRecord? LastRun { get; init; }

    /// <summary>Failed rounds in a row.</summary>
    [Id(9)] public int ConsecutiveFailures { get; init; }

    /// <summary>Monotonic version of this task's state; a newer write always has a larger one.</summary>
    [Id(10)] public long Version { get; init; }

    /// <summary>Slots missed (downtime, dispatcher stopped) and not replayed.</summary>
    [Id(11)] public long MissedRuns { get; init; }

    /// <summary>Start of the run in flight, when <see cref="Status"/> is running.</summary>
    [Id(12)] public DateTimeOffset? RunningSince { get; init; }
}

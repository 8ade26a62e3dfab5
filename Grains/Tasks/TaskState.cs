namespace Actors.Grains.Tasks;

/// <summary>The persisted state of a task grain (stored as JSON; never handed to HTTP callers as is).</summary>
[GenerateSerializer, Alias("actors.task-state")]
public sealed class TaskState
{
    /// <summary>False until created, and again after delete.</summary>
    [Id(0)]
    public bool Exists { get; set; }

    /// <summary>The task was deleted: the id is spent and is never used for another task.</summary>
    [Id(1)]
    public bool Deleted { get; set; }

    /// <summary>The task's id (also the grain key), so the catalog can be rebuilt from stored state alone.</summary>
    [Id(2)]
    public Guid TaskId { get; set; }

    /// <summary>The normalised spec.</summary>
    [Id(3)]
    public TaskSpec Spec { get; set; } = new();

    /// <summary>Current status.</summary>
    [Id(4)]
    public ScheduledTaskStatus Status { get; set; }

    /// <summary>Finished rounds (the next round is RoundNum + 1).</summary>
    [Id(5)]
    public long RoundNum { get; set; }

    /// <summary>Start of the last run.</summary>
    [Id(6)]
    public DateTimeOffset? LastExecutionTime { get; set; }

    /// <summary>The next slot the reminder wakes the task for; null when nothing is scheduled.</summary>
    [Id(7)]
    public DateTimeOffset? NextRunAt { get; set; }

    /// <summary>Created.</summary>
    [Id(8)]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last change.</summary>
    [Id(9)]
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Bumped on every change; the catalog keeps the newest.</summary>
    [Id(10)]
    public long Version { get; set; }

    /// <summary>Failed rounds in a row.</summary>
    [Id(11)]
    public int ConsecutiveFailures { get; set; }

    /// <summary>Slots missed and not replayed.</summary>
    [Id(12)]
    public long MissedRuns { get; set; }

    /// <summary>The attempt in flight, if any.</summary>
    [Id(13)]
    public InFlightRun? InFlight { get; set; }

    /// <summary>A failed round waiting for its next attempt.</summary>
    [Id(14)]
    public PendingRetry? Retry { get; set; }

    /// <summary>A slot that came due during a run, under the queue-one overlap policy.</summary>
    [Id(15)]
    public DateTimeOffset? QueuedSlot { get; set; }

    /// <summary>Where the reminder's tick series is anchored, and its period, to know whether a slot needs a re-registration.</summary>
    [Id(16)]
    public DateTimeOffset? ReminderAnchor { get; set; }

    /// <summary>The registered reminder period.</summary>
    [Id(17)]
    public TimeSpan ReminderPeriod { get; set; }

    /// <summary>The slot that was pending when the task was paused; resume continues its series.</summary>
    [Id(18)]
    public DateTimeOffset? PausedSlot { get; set; }

    /// <summary>A slot came due while the dispatcher was stopped, and the dispatcher was told.</summary>
    [Id(19)]
    public bool Deferred { get; set; }

    /// <summary>Run history, oldest first, bounded.</summary>
    [Id(20)]
    public List<RunRecord> Runs { get; set; } = [];
}

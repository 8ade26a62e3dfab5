namespace Actors.Grains.Tasks;

/// <summary>The persisted state of a task grain (stored as JSON; never handed to HTTP callers as is).</summary>
public sealed class TaskState
{
    /// <summary>False until created, and again after delete.</summary>
    public bool Exists { get; set; }

    /// <summary>The task was deleted: the id is spent and is never used for another task.</summary>
    public bool Deleted { get; set; }

    /// <summary>The task's id (also the grain key), so the catalog can be rebuilt from stored state alone.</summary>
    public Guid TaskId { get; set; }

    /// <summary>The normalised spec.</summary>
    public TaskSpec Spec { get; set; } = new();

    /// <summary>Current status.</summary>
    public ScheduledTaskStatus Status { get; set; }

    /// <summary>Finished rounds (the next round is RoundNum + 1).</summary>
    public long RoundNum { get; set; }

    /// <summary>Start of the last run.</summary>
    public DateTimeOffset? LastExecutionTime { get; set; }

    /// <summary>The next slot the reminder wakes the task for; null when nothing is scheduled.</summary>
    public DateTimeOffset? NextRunAt { get; set; }

    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Bumped on every change; the catalog keeps the newest.</summary>
    public long Version { get; set; }

    /// <summary>Failed rounds in a row.</summary>
    public int ConsecutiveFailures { get; set; }

    /// <summary>Slots missed and not replayed.</summary>
    public long MissedRuns { get; set; }

    /// <summary>The attempt in flight, if any.</summary>
    public InFlightRun? InFlight { get; set; }

    /// <summary>A failed round waiting for its next attempt.</summary>
    public PendingRetry? Retry { get; set; }

    /// <summary>A slot that came due during a run, under the queue-one overlap policy.</summary>
    public DateTimeOffset? QueuedSlot { get; set; }

    /// <summary>Where the reminder's tick series is anchored, and its period, to know whether a slot needs a re-registration.</summary>
    public DateTimeOffset? ReminderAnchor { get; set; }

    /// <summary>The registered reminder period.</summary>
    public TimeSpan ReminderPeriod { get; set; }

    /// <summary>The slot that was pending when the task was paused; resume continues its series.</summary>
    public DateTimeOffset? PausedSlot { get; set; }

    /// <summary>A slot came due while the dispatcher was stopped, and the dispatcher was told.</summary>
    public bool Deferred { get; set; }

    /// <summary>Run history, oldest first, bounded.</summary>
    public List<RunRecord> Runs { get; set; } = [];
}

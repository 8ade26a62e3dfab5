using System.Text.Json.Serialization;
using Actors.Grains.Tasks.Stored;

namespace Actors.Grains.Tasks;

/// <summary>
/// The persisted state of a task grain: small and of constant size (the run history lives in its
/// own table; only records not yet written there wait here). Stored as JSON with pinned names and
/// never handed to callers as is. What every run changes is written last
/// (<see cref="JsonPropertyOrderAttribute"/>): PostgreSQL logs an update in place from the first
/// byte that differs, so the fields that stay the same cost no WAL.
/// </summary>
[GenerateSerializer, Alias("actors.task-state")]
public sealed class TaskState
{
    /// <summary>False until created, and again after delete.</summary>
    [Id(0), JsonPropertyName("exists")] public bool Exists { get; set; }

    /// <summary>The task was deleted: the id is spent and is never used for another task.</summary>
    [Id(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault), JsonPropertyName("deleted")] public bool Deleted { get; set; }

    /// <summary>The task's id (also the grain key), so the catalog can be rebuilt from stored state alone.</summary>
    [Id(2), JsonPropertyName("taskId")] public Guid TaskId { get; set; }

    /// <summary>
    /// The spec, only in state written before the spec had a stored row of its own (the task
    /// grain's <c>taskspec</c> state, written when the task is created and never again): a run then
    /// rewrites only this small state. An activation that finds it here moves it there.
    /// </summary>
    [Id(3), JsonPropertyName("spec")] public StoredSpec? Spec { get; set; }

    /// <summary>Current status.</summary>
    [Id(4), JsonPropertyName("status")] public ScheduledTaskStatus Status { get; set; }

    /// <summary>Finished rounds (the next round is RoundNum + 1).</summary>
    [Id(5), JsonPropertyName("roundNum"), JsonPropertyOrder(1)] public long RoundNum { get; set; }

    /// <summary>Start of the last run.</summary>
    [Id(6), JsonPropertyName("lastExecutionTime"), JsonPropertyOrder(1)] public DateTimeOffset? LastExecutionTime { get; set; }

    /// <summary>The next slot; null when nothing is scheduled.</summary>
    [Id(7), JsonPropertyName("nextRunAt"), JsonPropertyOrder(1)] public DateTimeOffset? NextRunAt { get; set; }

    /// <summary>Created.</summary>
    [Id(8), JsonPropertyName("createdAt")] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last change.</summary>
    [Id(9), JsonPropertyName("updatedAt"), JsonPropertyOrder(1)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Bumped on every change; the catalog keeps the newest.</summary>
    [Id(10), JsonPropertyName("version"), JsonPropertyOrder(1)] public long Version { get; set; }

    /// <summary>Failed rounds in a row.</summary>
    [Id(11), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault), JsonPropertyName("consecutiveFailures")] public int ConsecutiveFailures { get; set; }

    /// <summary>Slots missed and not replayed.</summary>
    [Id(12), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault), JsonPropertyName("missedRuns")] public long MissedRuns { get; set; }

    /// <summary>The attempt in flight, if any.</summary>
    [Id(13), JsonPropertyName("inFlight"), JsonPropertyOrder(1)] public InFlightRun? InFlight { get; set; }

    /// <summary>A failed round waiting for its next attempt.</summary>
    [Id(14), JsonPropertyName("retry")] public PendingRetry? Retry { get; set; }

    /// <summary>A slot that came due during a run, under the queue-one overlap policy.</summary>
    [Id(15), JsonPropertyName("queuedSlot")] public DateTimeOffset? QueuedSlot { get; set; }

    /// <summary>Where the reminder's tick series is anchored, to know whether a slot needs a re-registration.</summary>
    [Id(16), JsonPropertyName("reminderAnchor")] public DateTimeOffset? ReminderAnchor { get; set; }

    /// <summary>The registered reminder period.</summary>
    [Id(17), JsonPropertyName("reminderPeriod")] public TimeSpan ReminderPeriod { get; set; }

    /// <summary>The slot that was pending when the task was paused; resume continues its series.</summary>
    [Id(18), JsonPropertyName("pausedSlot")] public DateTimeOffset? PausedSlot { get; set; }

    /// <summary>A slot came due while the dispatcher was stopped, and the dispatcher was told.</summary>
    [Id(19), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault), JsonPropertyName("deferred")] public bool Deferred { get; set; }

    /// <summary>
    /// The last finished run (or skipped slots), for the task's public view. Not stored (the run
    /// history has it, and every run would rewrite it): an activation looks it up when first asked.
    /// Defaults are not stored either.
    /// </summary>
    [Id(20), JsonIgnore] public StoredRun? LastRun { get; set; }

    /// <summary>Run records saved with the state but not yet confirmed in the run history; written again after a crash.</summary>
    [Id(21), JsonPropertyName("pendingRuns"), JsonPropertyOrder(2)] public List<StoredRun> PendingRuns { get; set; } = [];
}

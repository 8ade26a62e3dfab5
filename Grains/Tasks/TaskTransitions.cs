using Actors.Grains.Tasks.Stored;

namespace Actors.Grains.Tasks;

/// <summary>
/// What the run side of a task does to its state, decided purely: an attempt starts, an attempt's
/// conclusion (<see cref="AttemptConclusion"/>) is applied, an overlapping slot is queued or
/// counted, slots are counted as skipped, the task completes; and when it next wakes up.
/// </summary>
public static class TaskTransitions
{
    /// <summary>The attempt in flight from now on.</summary>
    public static InFlightRun StartAttempt(TaskState state, Guid taskId, long round, int attempt, DateTimeOffset slot, RunTrigger trigger, DateTimeOffset now, string silo)
    {
        var run = new InFlightRun { RunId = $"{taskId}:{round}", Round = round, Attempt = attempt, ScheduledAt = slot, StartedAt = now, Silo = silo, Trigger = trigger };
        state.InFlight = run;
        state.Retry = null;
        state.LastExecutionTime = now;
        state.Status = state.Status == ScheduledTaskStatus.Paused ? ScheduledTaskStatus.Paused : ScheduledTaskStatus.Running;
        return run;
    }

    /// <summary>
    /// Ends the attempt in flight with <paramref name="record"/> and applies <paramref name="decision"/>.
    /// Returns the queued slot to run now (<see cref="AfterAttempt.RunQueued"/>, when
    /// <paramref name="mayRunQueued"/>), and whether the state to write must be durable: a round
    /// that simply goes on (or is retried) is in the run history already.
    /// </summary>
    public static (DateTimeOffset? Queued, bool Durable) Conclude(TaskState state, StoredRun record, AttemptDecision decision, bool mayRunQueued)
    {
        state.InFlight = null;
        state.LastRun = record.Summary();
        state.RoundNum = decision.RoundNum;
        state.ConsecutiveFailures = decision.ConsecutiveFailures;
        state.NextRunAt = decision.NextRunAt;
        switch (decision.Next)
        {
            case AfterAttempt.Retry:
                state.Retry = decision.Retry;
                state.Status = ScheduledTaskStatus.Pending;
                return (null, false);
            case AfterAttempt.Error:
                state.Status = ScheduledTaskStatus.Error;
                state.PausedSlot = state.NextRunAt;
                state.NextRunAt = null;
                state.QueuedSlot = null;
                return (null, true);
            case AfterAttempt.Complete:
                Complete(state);
                return (null, true);
            case AfterAttempt.RunQueued when state.QueuedSlot is { } queued && mayRunQueued:
                state.QueuedSlot = null;
                return (queued, true);
            case AfterAttempt.StayPaused:
                return (null, true);
            default:
                state.Status = ScheduledTaskStatus.Pending;
                return (null, false);
        }
    }

    /// <summary>The schedule has ended.</summary>
    public static void Complete(TaskState state)
    {
        state.Status = ScheduledTaskStatus.Completed;
        state.NextRunAt = null;
        state.Retry = null;
        state.QueuedSlot = null;
    }

    /// <summary>
    /// A slot came due while the previous round is still going: queued (overlap policy
    /// <c>queue_one</c>, nothing queued yet) or counted as skipped with the slots the plan skipped.
    /// </summary>
    public static void Overlap(TaskState state, Guid taskId, DueDecision decision, DateTimeOffset slot, OverlapPolicy policy, DateTimeOffset now, string silo)
    {
        var due = decision.RunSlot ?? slot;
        if (policy == OverlapPolicy.QueueOne && state.QueuedSlot is null && decision.RunSlot is not null)
        {
            state.QueuedSlot = due;
            Skip(state, taskId, decision.SkippedSlots, decision.FirstSkipped, decision.Reason, now, silo);
            return;
        }

        Skip(state, taskId, decision.SkippedSlots + 1, decision.FirstSkipped ?? due, "the previous run was still in flight", now, silo);
    }

    /// <summary>Counts <paramref name="count"/> skipped slots from <paramref name="firstSlot"/> on, with one record for them.</summary>
    public static void Skip(TaskState state, Guid taskId, long count, DateTimeOffset? firstSlot, string? reason, DateTimeOffset now, string silo)
    {
        if (count > 0 && firstSlot is { } slot)
        {
            state.MissedRuns += count;
            RunRecordHandOver.Record(state, RunRecords.Skipped(taskId, state.RoundNum, count, slot, reason ?? "missed", now, silo));
        }
    }

    /// <summary>When the task next wakes up: its retry or its next slot, whichever is first; null when paused or finished.</summary>
    public static DateTimeOffset? NextWake(TaskState state)
    {
        if (state.Status is ScheduledTaskStatus.Paused or ScheduledTaskStatus.Completed or ScheduledTaskStatus.Error)
        {
            return null;
        }

        var retry = state.InFlight is null ? state.Retry?.DueAt : null;
        return retry is { } r && (state.NextRunAt is null || r < state.NextRunAt) ? r : state.NextRunAt;
    }

    /// <summary>Whether the task is live (pending or running): it has a due row the sweeps read.</summary>
    public static bool IsLive(TaskState state) => state.Status is ScheduledTaskStatus.Pending or ScheduledTaskStatus.Running;
}

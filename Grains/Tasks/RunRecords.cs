using Actors.Grains.Tasks.Stored;

namespace Actors.Grains.Tasks;

/// <summary>The run history records a task writes, built purely.</summary>
public static class RunRecords
{
    /// <summary>The record of a finished (or abandoned) attempt.</summary>
    public static StoredRun Finished(InFlightRun run, RunOutcome outcome, DateTimeOffset finishedAt, string? output, string? error) => new()
    {
        RunId = run.RunId,
        Round = run.Round,
        Attempt = run.Attempt,
        ScheduledAt = run.ScheduledAt,
        StartedAt = run.StartedAt,
        FinishedAt = finishedAt,
        Outcome = outcome,
        Output = output,
        Error = error,
        Silo = run.Silo,
        Trigger = run.Trigger,
    };

    /// <summary>The runs the history may not have yet: the attempt in flight and the records waiting in the state, newest first.</summary>
    public static RunRecord[] Live(TaskState state, Guid taskId) =>
        [.. state.PendingRuns.Prepend(state.InFlight is { } run ? Running(run) : null).OfType<StoredRun>().OrderByDescending(r => r.StartedAt).Select(r => r.ToWire(taskId))];

    /// <summary>The attempt in flight, as a record whose outcome is <c>running</c>.</summary>
    public static StoredRun Running(InFlightRun run) => Finished(run, RunOutcome.Running, default, null, null) with { FinishedAt = null };

    /// <summary>One record for <paramref name="count"/> slots skipped from <paramref name="firstSlot"/> on, for <paramref name="reason"/>.</summary>
    public static StoredRun Skipped(Guid taskId, long round, long count, DateTimeOffset firstSlot, string reason, DateTimeOffset now, string silo) => new()
    {
        RunId = $"{taskId}:skipped:{firstSlot.ToUnixTimeMilliseconds()}",
        Round = round,
        Attempt = 0,
        ScheduledAt = firstSlot,
        StartedAt = now,
        FinishedAt = now,
        Outcome = RunOutcome.Skipped,
        Error = count == 1 ? $"Slot skipped: {reason}." : $"{count} slots skipped: {reason}.",
        Silo = silo,
        Trigger = RunTrigger.Schedule,
    };
}

using Actors.Grains.Execution;
using Actors.Grains.Scheduling;

namespace Actors.Grains.Tasks;

/// <summary>
/// Decides, purely, what follows a finished attempt: a failed round is retried (exponential
/// backoff with jitter) while attempts remain and the task is not paused; a finished round counts
/// towards the round number and the failure streak, which stops the task in error at its limit;
/// then a queued slot runs, the schedule goes on, or the task completes.
/// </summary>
public static class AttemptConclusion
{
    /// <summary>Decides after <paramref name="run"/> ended with <paramref name="outcome"/>.</summary>
    public static AttemptDecision Decide(InFlightRun run, RunOutcome outcome, TaskState state, NextRunCalculator calculator, ExecutionSpec execution, DateTimeOffset now, Random random)
    {
        var paused = state.Status == ScheduledTaskStatus.Paused;
        if (outcome != RunOutcome.Succeeded && run.Attempt <= execution.MaxRetries && !paused)
        {
            var retry = new PendingRetry
            {
                Round = run.Round,
                Attempt = run.Attempt + 1,
                ScheduledAt = run.ScheduledAt,
                DueAt = now + RetryBackoff.DelayBefore(run.Attempt + 1, execution.RetryBackoffSeconds, random),
                Trigger = run.Trigger,
            };
            return new AttemptDecision(AfterAttempt.Retry, state.RoundNum, state.ConsecutiveFailures, retry, state.NextRunAt);
        }

        var rounds = Math.Max(state.RoundNum, run.Round);
        var failures = outcome == RunOutcome.Succeeded ? 0 : state.ConsecutiveFailures + 1;
        if (paused)
        {
            return new AttemptDecision(AfterAttempt.StayPaused, rounds, failures, null, state.NextRunAt);
        }

        if (failures >= execution.MaxConsecutiveFailures)
        {
            return new AttemptDecision(AfterAttempt.Error, rounds, failures, null, state.NextRunAt);
        }

        if (state.QueuedSlot is not null)
        {
            return new AttemptDecision(AfterAttempt.RunQueued, rounds, failures, null, state.NextRunAt);
        }

        // A manual run of a task whose series had nothing pending picks the series up again.
        var next = state.NextRunAt is null && calculator.Spec.Mode != ScheduleMode.Once && run.Trigger == RunTrigger.Manual
            ? calculator.NextAtOrAfter(run.ScheduledAt, now)
            : state.NextRunAt;
        return new AttemptDecision(next is null ? AfterAttempt.Complete : AfterAttempt.Continue, rounds, failures, null, next);
    }
}

using Actors.Grains;
using Actors.Grains.Tasks;
using Actors.Grains.Tasks.Stored;

namespace Actors.UnitTests.Tasks;

public sealed class TaskTransitionsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid TaskId = Guid.Parse("0b9c9f6e-1a7d-4c1e-9e6b-2f1f4b0c7a11");

    [Fact]
    public void AnAttemptStartsInFlightAndTheTaskRunsUnlessPaused()
    {
        var state = Live();

        var run = TaskTransitions.StartAttempt(state, TaskId, round: 8, attempt: 2, Noon, RunTrigger.Retry, Noon.AddSeconds(1), "silo-a");

        Assert.Equal($"{TaskId}:8", run.RunId);
        Assert.Same(run, state.InFlight);
        Assert.Equal(ScheduledTaskStatus.Running, state.Status);
        Assert.Equal(Noon.AddSeconds(1), state.LastExecutionTime);
        Assert.Null(state.Retry);

        var paused = Live(ScheduledTaskStatus.Paused);
        TaskTransitions.StartAttempt(paused, TaskId, 1, 1, Noon, RunTrigger.Manual, Noon, "silo-a");
        Assert.Equal(ScheduledTaskStatus.Paused, paused.Status);
    }

    [Fact]
    public void ARetryOrARoundThatGoesOnNeedsNoDurableWrite()
    {
        var retry = new PendingRetry { Round = 8, Attempt = 2, ScheduledAt = Noon, DueAt = Noon.AddSeconds(5) };
        var retried = InFlight();
        var (queued, durable) = TaskTransitions.Conclude(retried, Record(RunOutcome.Failed), new AttemptDecision(AfterAttempt.Retry, 7, 0, retry, Noon.AddMinutes(1)), mayRunQueued: true);

        Assert.Null(queued);
        Assert.False(durable);
        Assert.Null(retried.InFlight);
        Assert.Same(retry, retried.Retry);
        Assert.Equal(ScheduledTaskStatus.Pending, retried.Status);

        var goesOn = InFlight();
        (queued, durable) = TaskTransitions.Conclude(goesOn, Record(RunOutcome.Succeeded), new AttemptDecision(AfterAttempt.Continue, 8, 0, null, Noon.AddMinutes(1)), mayRunQueued: true);
        Assert.Null(queued);
        Assert.False(durable);
        Assert.Equal(8, goesOn.RoundNum);
        Assert.Equal(RunOutcome.Succeeded, goesOn.LastRun!.Outcome);
        Assert.Null(goesOn.LastRun.Output);
    }

    [Fact]
    public void AnErrorKeepsTheSlotForResumeAndIsDurable()
    {
        var state = InFlight();
        state.QueuedSlot = Noon.AddSeconds(30);

        var (queued, durable) = TaskTransitions.Conclude(state, Record(RunOutcome.Failed), new AttemptDecision(AfterAttempt.Error, 8, 3, null, Noon.AddMinutes(1)), mayRunQueued: true);

        Assert.Null(queued);
        Assert.True(durable);
        Assert.Equal(ScheduledTaskStatus.Error, state.Status);
        Assert.Equal(Noon.AddMinutes(1), state.PausedSlot);
        Assert.Null(state.NextRunAt);
        Assert.Null(state.QueuedSlot);
        Assert.Null(TaskTransitions.NextWake(state));
    }

    [Fact]
    public void AQueuedSlotRunsOnlyWhenAllowedAndStaysQueuedOtherwise()
    {
        var allowed = InFlight();
        allowed.QueuedSlot = Noon.AddSeconds(30);
        var (queued, durable) = TaskTransitions.Conclude(allowed, Record(RunOutcome.Succeeded), new AttemptDecision(AfterAttempt.RunQueued, 8, 0, null, Noon.AddMinutes(1)), mayRunQueued: true);
        Assert.Equal(Noon.AddSeconds(30), queued);
        Assert.True(durable);
        Assert.Null(allowed.QueuedSlot);

        var refused = InFlight();
        refused.QueuedSlot = Noon.AddSeconds(30);
        (queued, durable) = TaskTransitions.Conclude(refused, Record(RunOutcome.Succeeded), new AttemptDecision(AfterAttempt.RunQueued, 8, 0, null, Noon.AddMinutes(1)), mayRunQueued: false);
        Assert.Null(queued);
        Assert.False(durable);
        Assert.Equal(Noon.AddSeconds(30), refused.QueuedSlot);
        Assert.Equal(ScheduledTaskStatus.Pending, refused.Status);
    }

    [Fact]
    public void TheEndOfTheScheduleCompletesTheTask()
    {
        var state = InFlight();
        state.Retry = new PendingRetry { Round = 8, Attempt = 2, ScheduledAt = Noon, DueAt = Noon.AddSeconds(5) };

        var (_, durable) = TaskTransitions.Conclude(state, Record(RunOutcome.Succeeded), new AttemptDecision(AfterAttempt.Complete, 8, 0, null, null), mayRunQueued: true);

        Assert.True(durable);
        Assert.Equal(ScheduledTaskStatus.Completed, state.Status);
        Assert.Null(state.Retry);
        Assert.False(TaskTransitions.IsLive(state));
        Assert.Null(TaskTransitions.NextWake(state));
    }

    [Fact]
    public void AnOverlappingSlotIsQueuedOnceThenCountedAsSkipped()
    {
        var state = InFlight();
        var decision = new DueDecision(Noon.AddMinutes(1), 0, null, Noon.AddMinutes(2), null);

        TaskTransitions.Overlap(state, TaskId, decision, Noon.AddMinutes(1), OverlapPolicy.QueueOne, Noon.AddMinutes(1), "silo-a");
        Assert.Equal(Noon.AddMinutes(1), state.QueuedSlot);
        Assert.Equal(0, state.MissedRuns);

        TaskTransitions.Overlap(state, TaskId, decision with { RunSlot = Noon.AddMinutes(2) }, Noon.AddMinutes(2), OverlapPolicy.QueueOne, Noon.AddMinutes(2), "silo-a");
        Assert.Equal(Noon.AddMinutes(1), state.QueuedSlot);
        Assert.Equal(1, state.MissedRuns);
        var skipped = Assert.Single(state.PendingRuns);
        Assert.Equal(RunOutcome.Skipped, skipped.Outcome);
        Assert.Equal(Noon.AddMinutes(2), skipped.ScheduledAt);
        Assert.Contains("the previous run was still in flight", skipped.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingIsCountedWhenNoSlotWasSkipped()
    {
        var state = Live();

        TaskTransitions.Skip(state, TaskId, 0, Noon, "missed", Noon, "silo-a");
        TaskTransitions.Skip(state, TaskId, 3, null, "missed", Noon, "silo-a");

        Assert.Equal(0, state.MissedRuns);
        Assert.Empty(state.PendingRuns);
    }

    [Fact]
    public void ATaskWakesForItsRetryOrItsNextSlotWhicheverIsFirst()
    {
        var state = Live();
        state.Retry = new PendingRetry { Round = 8, Attempt = 2, ScheduledAt = Noon, DueAt = Noon.AddSeconds(5) };
        Assert.Equal(Noon.AddSeconds(5), TaskTransitions.NextWake(state));

        state.Retry = state.Retry with { DueAt = Noon.AddMinutes(5) };
        Assert.Equal(Noon.AddMinutes(1), TaskTransitions.NextWake(state));

        // While an attempt is in flight its retry is not due yet: only the next slot.
        state.Retry = state.Retry with { DueAt = Noon.AddSeconds(5) };
        state.InFlight = new InFlightRun { RunId = $"{TaskId}:8", Round = 8, Attempt = 1, ScheduledAt = Noon, StartedAt = Noon };
        Assert.Equal(Noon.AddMinutes(1), TaskTransitions.NextWake(state));

        Assert.Null(TaskTransitions.NextWake(Live(ScheduledTaskStatus.Paused)));
    }

    private static TaskState Live(ScheduledTaskStatus status = ScheduledTaskStatus.Pending) => new()
    {
        Exists = true,
        TaskId = TaskId,
        Status = status,
        RoundNum = 7,
        NextRunAt = Noon.AddMinutes(1),
    };

    private static TaskState InFlight()
    {
        var state = Live(ScheduledTaskStatus.Running);
        state.InFlight = new InFlightRun { RunId = $"{TaskId}:8", Round = 8, Attempt = 1, ScheduledAt = Noon, StartedAt = Noon, Silo = "silo-a" };
        return state;
    }

    private static StoredRun Record(RunOutcome outcome) => new()
    {
        RunId = $"{TaskId}:8",
        Round = 8,
        Attempt = 1,
        ScheduledAt = Noon,
        StartedAt = Noon,
        FinishedAt = Noon.AddSeconds(1),
        Outcome = outcome,
        Output = "kept in the history, not in the state",
    };
}

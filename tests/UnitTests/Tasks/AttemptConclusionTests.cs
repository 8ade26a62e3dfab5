using Actors.Grains;
using Actors.Grains.Scheduling;
using Actors.Grains.Tasks;

namespace Actors.UnitTests.Tasks;

public sealed class AttemptConclusionTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly ExecutionSpec Execution = new() { MaxRetries = 2, RetryBackoffSeconds = 4, MaxConsecutiveFailures = 3 };

    [Fact]
    public void ASuccessEndsTheRoundAndResetsTheFailureStreak()
    {
        var state = Pending(rounds: 4, failures: 2);

        var decision = Decide(Run(round: 5, attempt: 1), RunOutcome.Succeeded, state);

        Assert.Equal(AfterAttempt.Continue, decision.Next);
        Assert.Equal(5, decision.RoundNum);
        Assert.Equal(0, decision.ConsecutiveFailures);
        Assert.Equal(state.NextRunAt, decision.NextRunAt);
    }

    [Fact]
    public void AFailedAttemptIsRetriedWithBackoffWhileAttemptsRemain()
    {
        var decision = Decide(Run(round: 5, attempt: 2, trigger: RunTrigger.CatchUp), RunOutcome.Failed, Pending(rounds: 4, failures: 0));

        Assert.Equal(AfterAttempt.Retry, decision.Next);
        Assert.Equal(4, decision.RoundNum);
        var retry = Assert.IsType<PendingRetry>(decision.Retry);
        Assert.Equal(5, retry.Round);
        Assert.Equal(3, retry.Attempt);
        Assert.Equal(RunTrigger.CatchUp, retry.Trigger);
        Assert.InRange(retry.DueAt - Noon, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void TheLastFailedAttemptEndsTheRoundAsAFailure()
    {
        var decision = Decide(Run(round: 5, attempt: 3), RunOutcome.TimedOut, Pending(rounds: 4, failures: 1));

        Assert.Equal(AfterAttempt.Continue, decision.Next);
        Assert.Equal(5, decision.RoundNum);
        Assert.Equal(2, decision.ConsecutiveFailures);
    }

    [Fact]
    public void TooManyFailedRoundsInARowStopTheTaskInError()
    {
        var decision = Decide(Run(round: 5, attempt: 3), RunOutcome.Abandoned, Pending(rounds: 4, failures: 2));

        Assert.Equal(AfterAttempt.Error, decision.Next);
        Assert.Equal(3, decision.ConsecutiveFailures);
    }

    [Fact]
    public void APausedTaskIsNeitherRetriedNorStoppedInError()
    {
        var state = Pending(rounds: 4, failures: 2);
        state.Status = ScheduledTaskStatus.Paused;

        var decision = Decide(Run(round: 5, attempt: 1), RunOutcome.Failed, state);

        Assert.Equal(AfterAttempt.StayPaused, decision.Next);
        Assert.Null(decision.Retry);
        Assert.Equal(5, decision.RoundNum);
    }

    [Fact]
    public void AQueuedSlotRunsAfterTheRound()
    {
        var state = Pending(rounds: 4, failures: 0);
        state.QueuedSlot = Noon.AddSeconds(-1);

        Assert.Equal(AfterAttempt.RunQueued, Decide(Run(round: 5, attempt: 1), RunOutcome.Succeeded, state).Next);
    }

    [Fact]
    public void AManualRunOfAnIdleSeriesPicksTheSeriesUpAgain()
    {
        var state = Pending(rounds: 4, failures: 0);
        state.NextRunAt = null;

        var decision = Decide(Run(round: 5, attempt: 1, trigger: RunTrigger.Manual), RunOutcome.Succeeded, state);

        Assert.Equal(AfterAttempt.Continue, decision.Next);
        Assert.Equal(Noon.AddSeconds(60), decision.NextRunAt);
    }

    [Fact]
    public void WithNothingMoreScheduledTheTaskCompletes()
    {
        var state = Pending(rounds: 0, failures: 0);
        state.NextRunAt = null;

        Assert.Equal(AfterAttempt.Complete, Decide(Run(round: 1, attempt: 1), RunOutcome.Succeeded, state).Next);
    }

    private static AttemptDecision Decide(InFlightRun run, RunOutcome outcome, TaskState state) =>
        AttemptConclusion.Decide(run, outcome, state, new NextRunCalculator(new ScheduleSpec { IntervalSeconds = 60 }), Execution, Noon, new Random(7));

    private static InFlightRun Run(long round, int attempt, RunTrigger trigger = RunTrigger.Schedule) =>
        new() { RunId = $"t:{round}", Round = round, Attempt = attempt, ScheduledAt = Noon, StartedAt = Noon, Trigger = trigger };

    private static TaskState Pending(long rounds, int failures) => new()
    {
        Exists = true,
        Status = ScheduledTaskStatus.Running,
        RoundNum = rounds,
        ConsecutiveFailures = failures,
        NextRunAt = Noon.AddSeconds(60),
    };
}

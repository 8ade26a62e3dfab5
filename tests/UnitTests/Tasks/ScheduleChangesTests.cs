using Actors.Grains;
using Actors.Grains.Scheduling;
using Actors.Grains.Tasks;

namespace Actors.UnitTests.Tasks;

public sealed class ScheduleChangesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly NextRunCalculator EveryMinute = new(new ScheduleSpec { IntervalSeconds = 60 });

    [Fact]
    public void PauseKeepsThePendingSlotAndResumeContinuesItsSeriesWithoutABurst()
    {
        var state = new TaskState { Exists = true, Status = ScheduledTaskStatus.Pending, NextRunAt = Noon, CreatedAt = Noon.AddHours(-1) };

        ScheduleChanges.Pause(state);
        Assert.Equal(ScheduledTaskStatus.Paused, state.Status);
        Assert.Null(state.NextRunAt);
        Assert.Equal(Noon, state.PausedSlot);

        ScheduleChanges.Resume(state, EveryMinute, Noon.AddMinutes(10).AddSeconds(5));
        Assert.Equal(ScheduledTaskStatus.Pending, state.Status);
        Assert.Equal(Noon.AddMinutes(11), state.NextRunAt);
        Assert.Null(state.PausedSlot);
    }

    [Fact]
    public void PausingARetryKeepsItsRoundsSlot()
    {
        var state = new TaskState { Status = ScheduledTaskStatus.Pending, NextRunAt = Noon.AddMinutes(1), Retry = new PendingRetry { ScheduledAt = Noon } };

        ScheduleChanges.Pause(state);

        Assert.Equal(Noon, state.PausedSlot);
        Assert.Null(state.Retry);
    }

    [Fact]
    public void AReorderIntoThePastMeansAsSoonAsPossible()
    {
        var back = new TaskState { NextRunAt = Noon.AddMinutes(5) };
        var forward = new TaskState { NextRunAt = Noon.AddMinutes(5), Retry = new PendingRetry { ScheduledAt = Noon } };

        ScheduleChanges.Reorder(back, -3600, EveryMinute, Noon);
        ScheduleChanges.Reorder(forward, 60, EveryMinute, Noon);

        Assert.Equal(Noon, back.NextRunAt);
        Assert.Equal(Noon.AddMinutes(6), forward.NextRunAt);
        Assert.Null(forward.Retry);
    }
}

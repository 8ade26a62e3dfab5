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
        Assert.Equal(Noon, ScheduleChanges.Reorder(Noon.AddMinutes(5), -3600, EveryMinute, Noon));
        Assert.Equal(Noon.AddMinutes(6), ScheduleChanges.Reorder(Noon.AddMinutes(5), 60, EveryMinute, Noon));
    }
}

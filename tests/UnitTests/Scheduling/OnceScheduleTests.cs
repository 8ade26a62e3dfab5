using Actors.Grains;
using Actors.Grains.Scheduling;
using static Actors.UnitTests.Scheduling.Schedules;

namespace Actors.UnitTests.Scheduling;

public sealed class OnceScheduleTests
{
    private static NextRunCalculator Once(DateTimeOffset runAt, DailyWindow? window = null, bool runImmediately = false) =>
        new(new ScheduleSpec { Mode = ScheduleMode.Once, RunAt = runAt, Window = window, RunImmediately = runImmediately });

    [Fact]
    public void FirstRunIsRunAt()
    {
        Assert.Equal(At("2026-02-03T09:00:00Z"), Once(At("2026-02-03T10:00:00+01:00")).First(At("2026-02-01T00:00:00Z")));
    }

    [Fact]
    public void ThereIsNoRunAfterTheOne()
    {
        Assert.Null(Once(At("2026-02-03T09:00:00Z")).Next(At("2026-02-03T09:00:00Z")));
    }

    [Fact]
    public void NextAtOrAfterIsRunAtUntilItHasPassed()
    {
        var calculator = Once(At("2026-02-03T09:00:00Z"));

        Assert.Equal(At("2026-02-03T09:00:00Z"), calculator.NextAtOrAfter(At("2026-02-01T00:00:00Z"), At("2026-02-03T09:00:00Z")));
        Assert.Null(calculator.NextAtOrAfter(At("2026-02-01T00:00:00Z"), At("2026-02-03T09:00:01Z")));
    }

    [Fact]
    public void RunAtOutsideTheWindowMovesToTheOpening()
    {
        Assert.Equal(At("2026-02-04T08:00:00Z"), Once(At("2026-02-03T23:00:00Z"), new DailyWindow(480, 1320)).First(At("2026-02-01T00:00:00Z")));
    }

    [Fact]
    public void RunImmediatelyRunsAtCreation()
    {
        Assert.Equal(At("2026-02-01T00:00:00Z"), Once(At("2026-02-03T09:00:00Z"), runImmediately: true).First(At("2026-02-01T00:00:00Z")));
    }
}

using Actors.Grains;
using Actors.Grains.Scheduling;
using static Actors.UnitTests.Scheduling.Schedules;

namespace Actors.UnitTests.Scheduling;

public sealed class MisfireGraceTests
{
    private static readonly DateTimeOffset Slot = At("2026-02-01T09:00:00Z");

    [Fact]
    public void ExplicitGraceWins()
    {
        var calculator = new NextRunCalculator(new ScheduleSpec { IntervalSeconds = 60, MisfireGraceSeconds = 7200 });

        Assert.Equal(TimeSpan.FromHours(2), calculator.MisfireGrace(Slot));
    }

    [Fact]
    public void IntervalGraceIsOneInterval()
    {
        Assert.Equal(TimeSpan.FromSeconds(60), Interval(60).MisfireGrace(Slot));
    }

    [Fact]
    public void DefaultGraceIsAtMostAnHour()
    {
        Assert.Equal(TimeSpan.FromHours(1), Interval(86_400).MisfireGrace(Slot));
        Assert.Equal(TimeSpan.FromHours(1), Daily("UTC", "09:00").MisfireGrace(Slot));
    }

    [Fact]
    public void CronGraceIsTheDistanceToTheFollowingOccurrence()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), Cron("*/5 * * * *").MisfireGrace(Slot));
    }

    [Fact]
    public void DailyGraceIsTheDistanceToTheFollowingTime()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), Daily("UTC", "09:00", "09:10").MisfireGrace(Slot));
    }

    [Fact]
    public void MovedSlotGetsThePeriodOfItsScheduleNotTheSliverToTheNextOccurrence()
    {
        // A slot reordered to 08:59:50 sits between the 08:55 and 09:00 occurrences: five minutes, not ten seconds.
        Assert.Equal(TimeSpan.FromMinutes(5), Cron("*/5 * * * *").MisfireGrace(At("2026-02-01T08:59:50Z")));
    }

    [Fact]
    public void OnceGraceIsAnHour()
    {
        var calculator = new NextRunCalculator(new ScheduleSpec { Mode = ScheduleMode.Once, RunAt = Slot });

        Assert.Equal(TimeSpan.FromHours(1), calculator.MisfireGrace(Slot));
    }
}

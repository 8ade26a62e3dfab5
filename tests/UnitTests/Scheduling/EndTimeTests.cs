using Actors.Grains;
using Actors.Grains.Scheduling;
using static Actors.UnitTests.Scheduling.Schedules;

namespace Actors.UnitTests.Scheduling;

public sealed class EndTimeTests
{
    [Fact]
    public void DateMeansTheEndOfThatDayInTheTasksZone()
    {
        Assert.Equal(At("2026-02-08T16:00:00Z"), Interval(3600, "Asia/Shanghai", end: "2026-02-08").EndAt);
    }

    [Fact]
    public void DateTimeWithAnOffsetIsThatInstant()
    {
        Assert.Equal(At("2026-02-08T17:00:00Z"), Interval(3600, "Asia/Shanghai", end: "2026-02-08T18:00:00+01:00").EndAt);
        Assert.Equal(At("2026-02-08T17:00:00Z"), Interval(3600, "Asia/Shanghai", end: "2026-02-08T17:00:00Z").EndAt);
    }

    [Fact]
    public void DateTimeWithoutAnOffsetIsLocalToTheTasksZone()
    {
        Assert.Equal(At("2026-02-08T18:00:00+08:00"), Interval(3600, "Asia/Shanghai", end: "2026-02-08T18:00:00").EndAt);
    }

    [Fact]
    public void NoEndTimeMeansNoEnd()
    {
        Assert.Null(Interval(3600).EndAt);
    }

    [Fact]
    public void SlotsStopAtTheEndOfTheDay()
    {
        var calculator = Interval(3600, "Europe/Berlin", new DailyWindow(480, 1320), "2026-02-08");

        Assert.Equal(At("2026-02-08T21:00:00+01:00"), calculator.Next(At("2026-02-08T20:00:00+01:00")));
        Assert.Null(calculator.Next(At("2026-02-08T21:00:00+01:00")));
    }

    [Fact]
    public void SlotExactlyAtTheEndDoesNotRun()
    {
        var calculator = Interval(3600, end: "2026-02-08T12:00:00Z");

        Assert.Equal(At("2026-02-08T11:00:00Z"), calculator.Next(At("2026-02-08T10:00:00Z")));
        Assert.Null(calculator.Next(At("2026-02-08T11:00:00Z")));
        Assert.Null(calculator.NextAtOrAfter(At("2026-02-01T11:00:00Z"), At("2026-02-08T11:30:00Z")));
    }

    [Fact]
    public void FirstIsNullWhenTheTaskEndsBeforeItsFirstRun()
    {
        Assert.Null(Interval(3600, end: "2026-02-01T10:30:00Z").First(At("2026-02-01T10:00:00Z")));
    }

    [Fact]
    public void CalendarSchedulesEndToo()
    {
        var calculator = new NextRunCalculator(new ScheduleSpec { Mode = ScheduleMode.Daily, DailyAt = ["09:00"], TaskEndTime = "2026-02-03" });

        Assert.Equal([At("2026-02-02T09:00:00Z"), At("2026-02-03T09:00:00Z")], Walk(calculator, At("2026-02-01T09:00:00Z"), 10));
    }
}

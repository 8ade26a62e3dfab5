using Actors.Grains;
using static Actors.UnitTests.Scheduling.Schedules;

namespace Actors.UnitTests.Scheduling;

/// <summary>
/// 2026 changes: Europe/Berlin springs forward on 29 March (02:00 CET → 03:00 CEST, 01:00Z) and falls
/// back on 25 October (03:00 CEST → 02:00 CET, 01:00Z); America/New_York springs forward on 8 March
/// (02:00 EST → 03:00 EDT, 07:00Z) and falls back on 1 November (02:00 EDT → 01:00 EST, 06:00Z).
/// </summary>
public sealed class DaylightSavingTests
{
    [Fact]
    public void IntervalAcrossSpringForwardKeepsAbsoluteSpacing()
    {
        var slots = Walk(Interval(1800, "Europe/Berlin"), At("2026-03-29T01:00:00+01:00"), 3);

        Assert.Equal([At("2026-03-29T01:30:00+01:00"), At("2026-03-29T03:00:00+02:00"), At("2026-03-29T03:30:00+02:00")], slots);
    }

    [Fact]
    public void IntervalAcrossFallBackRunsThroughTheRepeatedHour()
    {
        var slots = Walk(Interval(3600, "America/New_York"), At("2026-11-01T00:00:00-04:00"), 3);

        Assert.Equal([At("2026-11-01T01:00:00-04:00"), At("2026-11-01T01:00:00-05:00"), At("2026-11-01T02:00:00-05:00")], slots);
    }

    [Fact]
    public void WindowOpeningInTheSpringForwardGapMovesToTheFirstInstantAfterTheGap()
    {
        var calculator = Interval(3600, "Europe/Berlin", new DailyWindow(150, 300));

        Assert.Equal(At("2026-03-29T03:00:00+02:00"), calculator.Next(At("2026-03-28T23:00:00+01:00")));
        Assert.Equal(At("2026-03-30T02:30:00+02:00"), calculator.Next(At("2026-03-29T04:00:00+02:00")));
    }

    [Fact]
    public void WindowOpeningInTheSpringForwardGapInNewYorkMovesToThreeOClock()
    {
        var calculator = Interval(3600, "America/New_York", new DailyWindow(150, 360));

        Assert.Equal(At("2026-03-08T03:00:00-04:00"), calculator.Next(At("2026-03-07T23:00:00-05:00")));
    }

    [Fact]
    public void WindowLyingWhollyInTheGapStaysClosedThatDay()
    {
        var calculator = Interval(3600, "Europe/Berlin", new DailyWindow(135, 165));

        Assert.Equal(At("2026-03-30T02:15:00+02:00"), calculator.Next(At("2026-03-28T23:00:00+01:00")));
    }

    [Fact]
    public void WindowOpeningInTheRepeatedHourOpensAtItsFirstOccurrence()
    {
        var calculator = Interval(3600, "America/New_York", new DailyWindow(90, 300));

        Assert.Equal(At("2026-11-01T01:30:00-04:00"), calculator.Next(At("2026-10-31T23:00:00-04:00")));
    }

    [Fact]
    public void ClockGoingBackReopensAWindowThatEndsInTheRepeatedHour()
    {
        // 00:30–01:30 closes at 01:30 EDT; at 02:00 EDT the clock reads 01:00 EST, inside the window again.
        var calculator = Interval(3600, "America/New_York", new DailyWindow(30, 90));

        Assert.False(calculator.IsInWindow(At("2026-11-01T01:45:00-04:00")));
        Assert.Equal(At("2026-11-01T01:00:00-05:00"), calculator.Next(At("2026-11-01T00:45:00-04:00")));
    }

    [Fact]
    public void WindowIsJudgedByTheLocalClockAfterSpringForward()
    {
        // 21:00 CET plus an hour is 22:00 (closed); the next opening, 08:00 CEST, is 06:00 UTC.
        var calculator = Interval(3600, "Europe/Berlin", new DailyWindow(480, 1320));

        Assert.Equal(At("2026-03-29T08:00:00+02:00"), calculator.Next(At("2026-03-28T21:00:00+01:00")));
        Assert.Equal(At("2026-03-29T06:00:00Z"), calculator.Next(At("2026-03-28T21:00:00+01:00")));
    }

    [Fact]
    public void DailyTimeInTheSpringForwardGapRunsRightAfterTheGap()
    {
        var slots = Walk(Daily("Europe/Berlin", "02:30"), At("2026-03-27T12:00:00+01:00"), 3);

        Assert.Equal([At("2026-03-28T02:30:00+01:00"), At("2026-03-29T03:00:00+02:00"), At("2026-03-30T02:30:00+02:00")], slots);
    }

    [Fact]
    public void DailyTimeInTheRepeatedHourRunsOnceAtItsFirstOccurrence()
    {
        var slots = Walk(Daily("America/New_York", "01:30"), At("2026-10-31T12:00:00-04:00"), 3);

        Assert.Equal([At("2026-11-01T01:30:00-04:00"), At("2026-11-02T01:30:00-05:00"), At("2026-11-03T01:30:00-05:00")], slots);
    }

    [Fact]
    public void DailyTimeKeepsItsLocalClockTimeAcrossTheChange()
    {
        var slots = Walk(Daily("Europe/Berlin", "09:00"), At("2026-03-28T12:00:00+01:00"), 2);

        Assert.Equal([At("2026-03-29T07:00:00Z"), At("2026-03-30T07:00:00Z")], slots);
        Assert.Equal(At("2026-03-28T08:00:00Z"), Daily("Europe/Berlin", "09:00").Next(At("2026-03-27T12:00:00Z")));
    }

    [Fact]
    public void SixFieldCronAtAFixedTimeInTheGapRunsRightAfterIt()
    {
        var slots = Walk(Cron("0 30 2 * * *", "Europe/Berlin"), At("2026-03-28T12:00:00+01:00"), 2);

        Assert.Equal([At("2026-03-29T03:00:00+02:00"), At("2026-03-30T02:30:00+02:00")], slots);
    }

    [Fact]
    public void SixFieldIntervalCronFiresInBothPassesOfTheRepeatedHour()
    {
        var slots = Walk(Cron("0 */30 * * * *", "Europe/Berlin"), At("2026-10-25T01:30:00+02:00"), 5);

        Assert.Equal(
            [At("2026-10-25T02:00:00+02:00"), At("2026-10-25T02:30:00+02:00"), At("2026-10-25T02:00:00+01:00"), At("2026-10-25T02:30:00+01:00"), At("2026-10-25T03:00:00+01:00")],
            slots);
    }

    [Fact]
    public void SixFieldCronAtAFixedTimeInTheRepeatedHourFiresOnce()
    {
        var slots = Walk(Cron("15 30 2 * * *", "Europe/Berlin"), At("2026-10-24T12:00:00+02:00"), 2);

        Assert.Equal([At("2026-10-25T02:30:15+02:00"), At("2026-10-26T02:30:15+01:00")], slots);
    }

    [Fact]
    public void EveryMinuteCronStepsThroughTheSpringForwardGap()
    {
        var slots = Walk(Cron("*/1 * * * *", "America/New_York"), At("2026-03-08T01:58:00-05:00"), 3);

        Assert.Equal([At("2026-03-08T01:59:00-05:00"), At("2026-03-08T03:00:00-04:00"), At("2026-03-08T03:01:00-04:00")], slots);
    }

    [Fact]
    public void EveryMinuteCronKeepsFiringEveryMinuteWhenTheClockGoesBack()
    {
        var slots = Walk(Cron("*/1 * * * *", "America/New_York"), At("2026-11-01T01:58:00-04:00"), 3);

        Assert.Equal([At("2026-11-01T01:59:00-04:00"), At("2026-11-01T01:00:00-05:00"), At("2026-11-01T01:01:00-05:00")], slots);
    }

    [Fact]
    public void DateOnlyEndTimeIsTheNextLocalMidnightInSummerAndWinter()
    {
        Assert.Equal(At("2026-03-29T00:00:00+01:00"), Interval(60, "Europe/Berlin", end: "2026-03-28").EndAt);
        Assert.Equal(At("2026-03-30T00:00:00+02:00"), Interval(60, "Europe/Berlin", end: "2026-03-29").EndAt);
    }
}

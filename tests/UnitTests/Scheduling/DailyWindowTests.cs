using Actors.Grains;
using static Actors.UnitTests.Scheduling.Schedules;

namespace Actors.UnitTests.Scheduling;

public sealed class DailyWindowTests
{
    private static readonly DailyWindow EightToTwentyTwo = new(8 * 60, 22 * 60);
    private static readonly DailyWindow TenPmToSixAm = new(22 * 60, 6 * 60);

    [Fact]
    public void SlotInsideTheWindowIsUnchanged()
    {
        Assert.Equal(At("2026-02-01T11:00:00Z"), Interval(3600, window: EightToTwentyTwo).Next(At("2026-02-01T10:00:00Z")));
    }

    [Fact]
    public void SlotAtTheWindowEndMovesToTheNextOpening()
    {
        Assert.Equal(At("2026-02-02T08:00:00Z"), Interval(3600, window: EightToTwentyTwo).Next(At("2026-02-01T21:00:00Z")));
    }

    [Fact]
    public void SlotBeforeTheOpeningMovesToTheOpeningTheSameDay()
    {
        Assert.Equal(At("2026-02-01T08:00:00Z"), Interval(3600, window: EightToTwentyTwo).Next(At("2026-02-01T05:30:00Z")));
    }

    [Fact]
    public void TheWindowStartIsInclusiveAndItsEndExclusive()
    {
        var calculator = Interval(3600, window: EightToTwentyTwo);

        Assert.False(calculator.IsInWindow(At("2026-02-01T07:59:59.9999999Z")));
        Assert.True(calculator.IsInWindow(At("2026-02-01T08:00:00Z")));
        Assert.True(calculator.IsInWindow(At("2026-02-01T21:59:59.9999999Z")));
        Assert.False(calculator.IsInWindow(At("2026-02-01T22:00:00Z")));
    }

    [Fact]
    public void SlotsAfterAMovedSlotAreAnchoredToTheOpening()
    {
        // Every 90 minutes from 19:00: 20:30, 22:00 (closed, moves to 08:00), then 09:30, 11:00 from the opening.
        var slots = Walk(Interval(5400, window: EightToTwentyTwo), At("2026-02-01T19:00:00Z"), 5);

        Assert.Equal(
            [At("2026-02-01T20:30:00Z"), At("2026-02-02T08:00:00Z"), At("2026-02-02T09:30:00Z"), At("2026-02-02T11:00:00Z"), At("2026-02-02T12:30:00Z")],
            slots);
    }

    [Fact]
    public void WindowWrappingMidnightIsOpenAcrossIt()
    {
        var calculator = Interval(3600, window: TenPmToSixAm);

        Assert.True(calculator.IsInWindow(At("2026-02-01T23:00:00Z")));
        Assert.True(calculator.IsInWindow(At("2026-02-02T00:00:00Z")));
        Assert.True(calculator.IsInWindow(At("2026-02-02T05:59:59Z")));
        Assert.False(calculator.IsInWindow(At("2026-02-02T06:00:00Z")));
        Assert.False(calculator.IsInWindow(At("2026-02-01T21:59:59Z")));
    }

    [Fact]
    public void WindowWrappingMidnightRunsThroughTheNightThenWaitsForTheEvening()
    {
        var slots = Walk(Interval(3600 * 3, window: TenPmToSixAm), At("2026-02-01T22:00:00Z"), 4);

        Assert.Equal([At("2026-02-02T01:00:00Z"), At("2026-02-02T04:00:00Z"), At("2026-02-02T22:00:00Z"), At("2026-02-03T01:00:00Z")], slots);
    }

    [Fact]
    public void WholeDayWindowNeverMovesASlot()
    {
        var calculator = Interval(3600, window: DailyWindow.AllDay);

        Assert.True(calculator.IsInWindow(At("2026-02-01T23:59:59Z")));
        Assert.Equal(At("2026-02-02T00:30:00Z"), calculator.Next(At("2026-02-01T23:30:00Z")));
    }

    [Fact]
    public void WindowWithMinutesClosesAtItsEndMinute()
    {
        var calculator = Interval(900, window: new DailyWindow(8 * 60, (22 * 60) + 30));

        Assert.Equal(At("2026-02-01T22:15:00Z"), calculator.Next(At("2026-02-01T22:00:00Z")));
        Assert.Equal(At("2026-02-02T08:00:00Z"), calculator.Next(At("2026-02-01T22:15:00Z")));
    }

    [Fact]
    public void WindowEndingAtMidnightClosesAtMidnight()
    {
        var calculator = Interval(3600, window: new DailyWindow(20 * 60, 1440));

        Assert.Equal(At("2026-02-01T23:00:00Z"), calculator.Next(At("2026-02-01T22:00:00Z")));
        Assert.Equal(At("2026-02-02T20:00:00Z"), calculator.Next(At("2026-02-01T23:00:00Z")));
    }

    [Fact]
    public void WindowFollowsTheTasksTimeZone()
    {
        // 23:00 in Shanghai is 15:00 UTC; the window opens at 08:00 Shanghai time, midnight UTC.
        var calculator = Interval(3600, "Asia/Shanghai", EightToTwentyTwo);

        Assert.False(calculator.IsInWindow(At("2026-01-10T15:00:00Z")));
        Assert.Equal(At("2026-01-11T08:00:00+08:00"), calculator.Next(At("2026-01-10T14:00:00Z")));
    }

    [Fact]
    public void WithoutAWindowEveryInstantIsInside()
    {
        Assert.True(Interval(60).IsInWindow(At("2026-02-01T03:00:00Z")));
    }

    [Fact]
    public void FirstSlotOutsideTheWindowMovesToTheOpening()
    {
        Assert.Equal(At("2026-02-02T08:00:00Z"), Interval(3600, window: EightToTwentyTwo).First(At("2026-02-01T21:30:00Z")));
    }

    [Fact]
    public void LongIntervalSlotThatLandsInsideALaterWindowStaysPut()
    {
        // 25 hours from 21:00 is 22:00 the next day (closed), then 08:00; 25 hours from there is 09:00.
        var slots = Walk(Interval(25 * 3600, window: EightToTwentyTwo), At("2026-02-01T21:00:00Z"), 2);

        Assert.Equal([At("2026-02-03T08:00:00Z"), At("2026-02-04T09:00:00Z")], slots);
    }
}

using System.Diagnostics;
using Actors.Grains;
using Actors.Grains.Scheduling;
using static Actors.UnitTests.Scheduling.Schedules;

namespace Actors.UnitTests.Scheduling;

public sealed class SlotCountingTests
{
    [Fact]
    public void CountsSlotsStrictlyBetweenTheBounds()
    {
        var anchor = At("2026-02-01T10:00:00Z");

        // Slots 11:00 … 15:00; 10:00 and 16:00 are the bounds themselves.
        Assert.Equal(5, Interval(3600).CountSlotsBetween(anchor, anchor, At("2026-02-01T16:00:00Z")));
    }

    [Fact]
    public void TheAnchorIsASlotOfItsSeries()
    {
        var anchor = At("2026-02-01T10:00:00Z");

        Assert.Equal(3, Interval(3600).CountSlotsBetween(anchor, anchor.AddTicks(-1), At("2026-02-01T12:30:00Z")));
    }

    [Fact]
    public void BoundsAfterTheAnchorSkipTheEarlierSlots()
    {
        var anchor = At("2026-02-01T10:00:00Z");

        Assert.Equal(2, Interval(3600).CountSlotsBetween(anchor, At("2026-02-01T12:00:00Z"), At("2026-02-01T14:30:00Z")));
    }

    [Fact]
    public void EmptyOrReversedRangesCountNothing()
    {
        var anchor = At("2026-02-01T10:00:00Z");

        Assert.Equal(0, Interval(3600).CountSlotsBetween(anchor, At("2026-02-01T12:00:00Z"), At("2026-02-01T12:00:00Z")));
        Assert.Equal(0, Interval(3600).CountSlotsBetween(anchor, At("2026-02-01T14:00:00Z"), At("2026-02-01T12:00:00Z")));
    }

    [Fact]
    public void HugeCountsAreCappedAndFast()
    {
        var anchor = At("2016-02-01T00:00:00Z");
        var watch = Stopwatch.StartNew();

        var capped = Interval(1).CountSlotsBetween(anchor, anchor, At("2026-02-01T00:00:00Z"));
        var exact = Interval(1).CountSlotsBetween(anchor, anchor, At("2026-02-01T00:00:00Z"), long.MaxValue);

        Assert.Equal(100_000, capped);
        Assert.Equal((long)(At("2026-02-01T00:00:00Z") - anchor).TotalSeconds - 1, exact);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [Fact]
    public void OnlySlotsInsideTheWindowCount()
    {
        var calculator = Interval(3600, window: new DailyWindow(480, 1320));
        var anchor = At("2026-02-01T21:00:00Z");

        // 08:00 … 21:00 on each of the next three days: 14 slots a day.
        Assert.Equal(42, calculator.CountSlotsBetween(anchor, anchor, At("2026-02-04T21:30:00Z")));
    }

    [Fact]
    public void WindowedCountOverAYearIsFast()
    {
        var calculator = Interval(60, "Europe/Berlin", new DailyWindow(480, 1320));
        var anchor = At("2026-01-01T08:00:00+01:00");
        var watch = Stopwatch.StartNew();

        var count = calculator.CountSlotsBetween(anchor, anchor, At("2027-01-01T00:00:00+01:00"), long.MaxValue);

        // 840 slots on each of 365 days, less the anchor itself.
        Assert.Equal((840 * 365) - 1, count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public void CountStopsAtTheEndTime()
    {
        var calculator = Interval(3600, end: "2026-02-01T13:00:00Z");
        var anchor = At("2026-02-01T10:00:00Z");

        Assert.Equal(2, calculator.CountSlotsBetween(anchor, anchor, At("2026-02-02T00:00:00Z")));
    }

    [Fact]
    public void DailyAndCronSlotsAreCountedOneByOne()
    {
        var anchor = At("2026-02-01T09:00:00Z");

        Assert.Equal(13, Daily("UTC", "09:00", "18:00").CountSlotsBetween(anchor, anchor, At("2026-02-08T09:00:00Z")));
        Assert.Equal(59, Cron("* * * * *").CountSlotsBetween(anchor, anchor, At("2026-02-01T10:00:00Z")));
        Assert.Equal(10, Cron("* * * * *").CountSlotsBetween(anchor, anchor, At("2026-02-08T09:00:00Z"), cap: 10));
    }

    [Fact]
    public void OnceHasOnlyItsOwnSlot()
    {
        var runAt = At("2026-02-01T09:00:00Z");
        var calculator = new NextRunCalculator(new ScheduleSpec { Mode = ScheduleMode.Once, RunAt = runAt });

        Assert.Equal(1, calculator.CountSlotsBetween(runAt, runAt.AddTicks(-1), At("2026-03-01T00:00:00Z")));
        Assert.Equal(0, calculator.CountSlotsBetween(runAt, runAt, At("2026-03-01T00:00:00Z")));
    }
}

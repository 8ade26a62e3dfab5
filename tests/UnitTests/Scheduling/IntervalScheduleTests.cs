using System.Diagnostics;
using Actors.Grains;
using Actors.Grains.Scheduling;
using Microsoft.Extensions.Time.Testing;
using static Actors.UnitTests.Scheduling.Schedules;

namespace Actors.UnitTests.Scheduling;

public sealed class IntervalScheduleTests
{
    [Fact]
    public void FirstRunIsOneIntervalAfterCreation()
    {
        var time = new FakeTimeProvider(At("2026-02-01T10:15:30Z"));

        var first = Interval(3600).First(time.GetUtcNow());

        Assert.Equal(At("2026-02-01T11:15:30Z"), first);
        Assert.Equal(TimeSpan.Zero, first!.Value.Offset);
    }

    [Fact]
    public void StartTimeInTheFutureIsTheFirstRun()
    {
        var calculator = new NextRunCalculator(new ScheduleSpec { IntervalSeconds = 600, StartTime = At("2026-02-01T12:00:00+01:00") });

        Assert.Equal(At("2026-02-01T11:00:00Z"), calculator.First(At("2026-02-01T09:00:00Z")));
    }

    [Fact]
    public void StartTimeJustPassedIsStillTheFirstRunSoItRunsAtOnce()
    {
        var calculator = new NextRunCalculator(new ScheduleSpec { IntervalSeconds = 3600, StartTime = At("2026-02-01T10:00:00Z") });

        Assert.Equal(At("2026-02-01T10:00:00Z"), calculator.First(At("2026-02-01T10:00:05Z")));
    }

    [Fact]
    public void StartTimeLongPastKeepsItsPhaseAndStartsAtTheNextSlot()
    {
        var calculator = new NextRunCalculator(new ScheduleSpec { IntervalSeconds = 3600, StartTime = At("2020-01-01T08:00:00Z") });

        Assert.Equal(At("2026-02-01T11:00:00Z"), calculator.First(At("2026-02-01T10:30:00Z")));
    }

    [Fact]
    public void RunImmediatelyRunsAtCreation()
    {
        var calculator = new NextRunCalculator(new ScheduleSpec { IntervalSeconds = 3600, RunImmediately = true });

        var first = calculator.First(At("2026-02-01T10:15:30Z"));

        Assert.Equal(At("2026-02-01T10:15:30Z"), first);
        Assert.Equal(At("2026-02-01T11:15:30Z"), calculator.Next(first!.Value));
    }

    [Fact]
    public void RunImmediatelyOutsideTheWindowWaitsForTheOpening()
    {
        var calculator = new NextRunCalculator(new ScheduleSpec { IntervalSeconds = 3600, RunImmediately = true, Window = new DailyWindow(480, 1320) });

        Assert.Equal(At("2026-02-02T08:00:00Z"), calculator.First(At("2026-02-01T23:15:00Z")));
    }

    [Fact]
    public void FixedRateHasNoDriftOverManySlots()
    {
        var calculator = Interval(7);
        var anchor = At("2026-02-01T00:00:00.1234567Z");

        var slots = Walk(calculator, anchor, 10_000);

        Assert.Equal(10_000, slots.Count);
        Assert.All(slots.Select((slot, i) => (slot, i)), p => Assert.Equal(anchor.AddTicks(TimeSpan.TicksPerSecond * 7 * (p.i + 1)), p.slot));
    }

    [Fact]
    public void NextIsAnchoredToTheScheduledSlotNotToWhenTheRunFinished()
    {
        var calculator = Interval(60);

        // The run scheduled at 10:00:00 finished at 10:00:47; the next slot is still 10:01:00.
        Assert.Equal(At("2026-02-01T10:01:00Z"), calculator.Next(At("2026-02-01T10:00:00Z")));
    }

    [Fact]
    public void NextAtOrAfterIsComputedArithmeticallyAcrossYears()
    {
        var calculator = Interval(1);
        var anchor = At("2016-02-01T00:00:00.5Z");
        var watch = Stopwatch.StartNew();

        var next = calculator.NextAtOrAfter(anchor, At("2026-02-01T12:34:56Z"));

        Assert.Equal(At("2026-02-01T12:34:56.5Z"), next);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [Fact]
    public void NextAtOrAfterReturnsASlotExactlyAtNotBefore()
    {
        Assert.Equal(At("2026-02-01T13:00:00Z"), Interval(3600).NextAtOrAfter(At("2026-02-01T10:00:00Z"), At("2026-02-01T13:00:00Z")));
    }

    [Fact]
    public void NextAtOrAfterNeverReturnsTheAnchorItself()
    {
        var anchor = At("2026-02-01T10:00:00Z");

        Assert.Equal(At("2026-02-01T11:00:00Z"), Interval(3600).NextAtOrAfter(anchor, anchor));
        Assert.Equal(At("2026-02-01T11:00:00Z"), Interval(3600).NextAtOrAfter(anchor, anchor.AddDays(-1)));
    }

    [Fact]
    public void AnOffsetOnTheInputDoesNotChangeTheInstant()
    {
        var calculator = Interval(3600);

        var next = calculator.Next(At("2026-02-01T18:00:00+08:00"));

        Assert.Equal(At("2026-02-01T11:00:00Z"), next);
        Assert.Equal(TimeSpan.Zero, next!.Value.Offset);
    }
}

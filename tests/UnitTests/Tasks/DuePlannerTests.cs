using Actors.Grains;
using Actors.Grains.Scheduling;
using Actors.Grains.Tasks;

namespace Actors.UnitTests.Tasks;

public sealed class DuePlannerTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnOnTimeSlotRunsAndTheNextSlotIsOneIntervalLater()
    {
        var decision = DuePlanner.Plan(Interval(60), Noon, Noon.AddMilliseconds(30));

        Assert.Equal(Noon, decision.RunSlot);
        Assert.Equal(0, decision.SkippedSlots);
        Assert.Equal(Noon.AddSeconds(60), decision.Next);
    }

    [Fact]
    public void AfterShortDowntimeOnlyTheLatestMissedSlotRunsAndTheOthersAreCounted()
    {
        // Slots at 12:00, 12:01, 12:02, 12:03; back at 12:03:20, inside the 60 s grace of 12:03.
        var decision = DuePlanner.Plan(Interval(60), Noon, Noon.AddSeconds(200));

        Assert.Equal(Noon.AddSeconds(180), decision.RunSlot);
        Assert.Equal(3, decision.SkippedSlots);
        Assert.Equal(Noon, decision.FirstSkipped);
        Assert.Equal(Noon.AddSeconds(240), decision.Next);
    }

    [Fact]
    public void AMissBeyondTheGraceSkipsToTheNextSlot()
    {
        var calculator = Interval(3600, graceSeconds: 60);

        var decision = DuePlanner.Plan(calculator, Noon, Noon.AddMinutes(10));

        Assert.Null(decision.RunSlot);
        Assert.Equal(1, decision.SkippedSlots);
        Assert.Equal(Noon.AddHours(1), decision.Next);
        Assert.Contains("beyond the grace", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissedSlotIsNeverCaughtUpOutsideTheDailyWindow()
    {
        // Window 08:00-22:00 UTC; the 21:00 slot is noticed at 23:00, within a 3 h grace but at night.
        var calculator = new NextRunCalculator(new ScheduleSpec
        {
            IntervalSeconds = 3600,
            Window = new DailyWindow(8 * 60, 22 * 60),
            MisfireGraceSeconds = 3 * 3600,
        });
        var slot = new DateTimeOffset(2026, 3, 2, 21, 0, 0, TimeSpan.Zero);

        var decision = DuePlanner.Plan(calculator, slot, slot.AddHours(2));

        Assert.Null(decision.RunSlot);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero), decision.Next);
        Assert.Contains("outside the task's daily window", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AVeryLongOutageIsCountedWithoutWalkingEverySlot()
    {
        var decision = DuePlanner.Plan(Interval(1), Noon, Noon.AddDays(2));

        Assert.Null(decision.RunSlot);
        Assert.Equal(2 * 86_400, decision.SkippedSlots);
        Assert.Equal(Noon.AddDays(2), decision.Next);
    }

    [Fact]
    public void ASlotAFewMillisecondsAheadCountsAsDue()
    {
        Assert.True(DuePlanner.IsDue(Noon, Noon.AddMilliseconds(-20)));
        Assert.False(DuePlanner.IsDue(Noon, Noon.AddMilliseconds(-200)));
    }

    private static NextRunCalculator Interval(int seconds, int? graceSeconds = null) =>
        new(new ScheduleSpec { IntervalSeconds = seconds, MisfireGraceSeconds = graceSeconds });
}

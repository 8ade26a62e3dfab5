using Actors.Grains;
using Microsoft.Extensions.Time.Testing;
using static Actors.UnitTests.Scheduling.Schedules;

namespace Actors.UnitTests.Scheduling;

public sealed class ResumeAndReorderTests
{
    [Fact]
    public void ResumeAfterALongPauseGivesOneSlotAtOrAfterNowAndNoBurst()
    {
        var time = new FakeTimeProvider(At("2026-02-01T10:00:00Z"));
        var calculator = Interval(600);
        var pausedSlot = time.GetUtcNow();
        time.Advance(TimeSpan.FromHours(30) + TimeSpan.FromMinutes(3));
        var now = time.GetUtcNow();

        var resumed = calculator.NextAtOrAfter(pausedSlot, now);

        Assert.Equal(At("2026-02-02T16:10:00Z"), resumed);
        Assert.Equal(At("2026-02-02T16:20:00Z"), calculator.Next(resumed!.Value));
        Assert.Equal(180, calculator.CountSlotsBetween(pausedSlot, pausedSlot, now));
    }

    [Fact]
    public void ResumeOutsideTheWindowWaitsForTheOpening()
    {
        var time = new FakeTimeProvider(At("2026-02-01T10:00:00Z"));
        var calculator = Interval(3600, window: new DailyWindow(480, 1320));
        var pausedSlot = time.GetUtcNow();
        time.Advance(TimeSpan.FromHours(13));

        Assert.Equal(At("2026-02-02T08:00:00Z"), calculator.NextAtOrAfter(pausedSlot, time.GetUtcNow()));
    }

    [Fact]
    public void ResumeInsideTheWindowFollowsTheSlotsAnchoredAtTheLastOpening()
    {
        // From 21:30 the series is 22:30 → 08:00, 09:00, 10:00, ...: resuming at 09:15 gives 10:00, not 09:30.
        var calculator = Interval(3600, window: new DailyWindow(480, 1320));

        Assert.Equal(At("2026-02-02T10:00:00Z"), calculator.NextAtOrAfter(At("2026-02-01T21:30:00Z"), At("2026-02-02T09:15:00Z")));
    }

    [Fact]
    public void ReorderedEarlierSlotAnchorsTheSlotsAfterIt()
    {
        var calculator = Interval(3600);
        var moved = At("2026-02-01T11:00:00Z").AddSeconds(-1800);

        Assert.Equal([At("2026-02-01T11:30:00Z"), At("2026-02-01T12:30:00Z")], Walk(calculator, moved, 2));
        Assert.Equal(At("2026-02-01T14:30:00Z"), calculator.NextAtOrAfter(moved, At("2026-02-01T14:00:00Z")));
    }

    [Fact]
    public void ReorderedLaterSlotAnchorsTheSlotsAfterIt()
    {
        var calculator = Interval(3600);
        var moved = At("2026-02-01T11:00:00Z").AddSeconds(900);

        Assert.Equal(At("2026-02-01T12:15:00Z"), calculator.Next(moved));
    }

    [Fact]
    public void ReorderedDailySlotReturnsToTheDailyTimesAfterwards()
    {
        var calculator = Daily("UTC", "09:00");
        var moved = At("2026-02-02T09:00:00Z").AddSeconds(-1800);

        Assert.Equal(At("2026-02-02T09:00:00Z"), calculator.Next(moved));
        Assert.Equal(At("2026-02-03T09:00:00Z"), calculator.NextAtOrAfter(moved, At("2026-02-02T09:00:01Z")));
    }

    [Fact]
    public void MissedSlotsAfterDowntimeAreCountedAndTheNextIsFoundWithoutReplaying()
    {
        var calculator = Interval(60);
        var lastSlot = At("2026-02-01T00:00:00Z");
        var now = At("2026-02-08T00:00:30Z");

        Assert.Equal(10_080, calculator.CountSlotsBetween(lastSlot, lastSlot, now));
        Assert.Equal(At("2026-02-08T00:01:00Z"), calculator.NextAtOrAfter(lastSlot, now));
    }
}

using Actors.Grains.Scheduling;
using NodaTime;
using static Actors.UnitTests.Scheduling.Schedules;

namespace Actors.UnitTests.Scheduling;

/// <summary>New York's 2026 changes: 02:00 EST → 03:00 EDT on 8 March (07:00Z), 02:00 EDT → 01:00 EST on 1 November (06:00Z).</summary>
public sealed class ZoneClockTests
{
    private static readonly ZoneClock NewYork = new(DateTimeZoneProviders.Tzdb["America/New_York"]);

    [Fact]
    public void OrdinaryLocalTimeMapsToItsInstant()
    {
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 14, 0, 0, TimeSpan.Zero), NewYork.InstantOf(new DateTime(2026, 2, 1, 9, 0, 0)));
    }

    [Fact]
    public void SkippedLocalTimeMapsToTheEndOfTheGap()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), NewYork.InstantOf(new DateTime(2026, 3, 8, 2, 30, 0)));
    }

    [Fact]
    public void RepeatedLocalTimeMapsToItsFirstOccurrence()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), NewYork.InstantOf(new DateTime(2026, 11, 1, 1, 30, 0)));
    }

    [Fact]
    public void TheKindOfTheLocalTimeIsIgnored()
    {
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 14, 0, 0, TimeSpan.Zero), NewYork.InstantOf(new DateTime(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void ARepeatedLocalTimeHasBothInstantsAndASkippedOneTheEndOfTheGap()
    {
        var instants = new List<DateTimeOffset>();

        NewYork.AddInstantsAt(new DateTime(2026, 11, 1, 1, 30, 0), instants);
        NewYork.AddInstantsAt(new DateTime(2026, 3, 8, 2, 30, 0), instants);

        Assert.Equal([At("2026-11-01T01:30:00-04:00"), At("2026-11-01T01:30:00-05:00"), At("2026-03-08T03:00:00-04:00")], instants);
    }

    [Fact]
    public void TransitionsAreTheChangesAfterTheStartUpToAndIncludingTheEnd()
    {
        var transitions = new List<DateTimeOffset>();

        NewYork.AddTransitions(At("2026-01-01T00:00:00Z"), At("2026-11-01T06:00:00Z"), transitions);
        NewYork.AddTransitions(At("2026-11-01T06:00:00Z"), At("2026-12-31T00:00:00Z"), transitions);

        Assert.Equal([At("2026-03-08T07:00:00Z"), At("2026-11-01T06:00:00Z")], transitions);
    }

    [Fact]
    public void LocalTimeAndMinuteOfDayFollowTheClock()
    {
        Assert.Equal(new DateTime(2026, 11, 1, 1, 15, 0), NewYork.LocalTime(At("2026-11-01T06:15:00Z")));
        Assert.Equal(75, NewYork.MinuteOfDay(At("2026-11-01T06:15:00Z")));
    }
}

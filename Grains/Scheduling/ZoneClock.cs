using NodaTime;
using NodaTime.TimeZones;

namespace Actors.Grains.Scheduling;

/// <summary>
/// The wall clock of one time zone, seen from UTC instants: local readings, the instants at which
/// the clock shows a given local time, and the instants at which its offset changes. A local time
/// skipped by a spring-forward change resolves to the first instant after the gap, and one repeated
/// by a fall-back change to its first occurrence, everywhere the scheduler resolves one.
/// </summary>
internal sealed class ZoneClock(DateTimeZone zone)
{
    private static readonly ZoneLocalMappingResolver FirstAtOrAfter =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    public DateTimeZone Zone { get; } = zone;

    /// <summary>The local date and time the clock shows at <paramref name="instant"/>.</summary>
    public DateTime LocalTime(DateTimeOffset instant) =>
        Instant.FromDateTimeOffset(instant).InZone(Zone).LocalDateTime.ToDateTimeUnspecified();

    /// <summary>Minutes after local midnight (0–1439) at <paramref name="instant"/>.</summary>
    public int MinuteOfDay(DateTimeOffset instant)
    {
        var local = LocalTime(instant);
        return (local.Hour * 60) + local.Minute;
    }

    /// <summary>
    /// The first instant at which the clock reads <paramref name="local"/> or later (its kind is ignored),
    /// with a zero offset.
    /// </summary>
    public DateTimeOffset InstantOf(DateTime local) =>
        Zone.ResolveLocal(LocalDateTime.FromDateTime(local), FirstAtOrAfter).ToInstant().ToDateTimeOffset();

    /// <summary>
    /// Adds every instant at which the clock reads exactly <paramref name="local"/>: one, two when a fall-back
    /// change repeats it, or, when a spring-forward change skips it, the first instant after the gap.
    /// </summary>
    public void AddInstantsAt(DateTime local, List<DateTimeOffset> into)
    {
        var mapping = Zone.MapLocal(LocalDateTime.FromDateTime(local));
        if (mapping.Count == 2)
        {
            into.Add(mapping.First().ToInstant().ToDateTimeOffset());
            into.Add(mapping.Last().ToInstant().ToDateTimeOffset());
            return;
        }

        into.Add(InstantOf(local));
    }

    /// <summary>Adds the instants in (<paramref name="after"/>, <paramref name="until"/>] at which the zone's offset changes.</summary>
    public void AddTransitions(DateTimeOffset after, DateTimeOffset until, List<DateTimeOffset> into)
    {
        if (until <= after)
        {
            return;
        }

        // The first interval holds `after`; each later one starts at a change, at or before `until`.
        Offset? previous = null;
        foreach (var interval in Zone.GetZoneIntervals(Instant.FromDateTimeOffset(after), Instant.FromDateTimeOffset(until) + Duration.Epsilon))
        {
            if (previous is { } offset && interval.WallOffset != offset)
            {
                into.Add(interval.Start.ToDateTimeOffset());
            }

            previous = interval.WallOffset;
        }
    }
}

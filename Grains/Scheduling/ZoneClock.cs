namespace Actors.Grains.Scheduling;

/// <summary>
/// The wall clock of one time zone, seen from UTC instants: local readings, the instants at which
/// the clock shows a given local time, and the instants at which its offset changes.
/// </summary>
internal sealed class ZoneClock
{
    // Offsets never change twice within this step in real zone data, so sampling at it finds every change.
    private static readonly long TransitionProbeTicks = TimeSpan.FromHours(6).Ticks;

    private readonly bool _hasTransitions;

    public ZoneClock(TimeZoneInfo zone)
    {
        Zone = zone;
        _hasTransitions = zone.GetAdjustmentRules().Length > 0;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The local date and time the clock shows at <paramref name="instant"/>.</summary>
    public DateTime LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>Minutes after local midnight (0–1439) at <paramref name="instant"/>.</summary>
    public int MinuteOfDay(DateTimeOffset instant)
    {
        var local = LocalTime(instant);
        return (local.Hour * 60) + local.Minute;
    }

    /// <summary>
    /// Adds every instant at which the clock reads exactly <paramref name="local"/>: one, two when a fall-back
    /// change repeats it, or, when a spring-forward change skips it, the first instant after the gap.
    /// </summary>
    public void AddInstantsAt(DateTime local, List<DateTimeOffset> into)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsAmbiguousTime(unspecified))
        {
            foreach (var offset in Zone.GetAmbiguousTimeOffsets(unspecified))
            {
                into.Add(new DateTimeOffset(unspecified.Ticks - offset.Ticks, TimeSpan.Zero));
            }

            return;
        }

        into.Add(LocalTimeResolver.ToInstant(unspecified, Zone));
    }

    /// <summary>Adds the instants in (<paramref name="after"/>, <paramref name="until"/>] at which the zone's offset changes.</summary>
    public void AddTransitions(DateTimeOffset after, DateTimeOffset until, List<DateTimeOffset> into)
    {
        if (!_hasTransitions || until <= after)
        {
            return;
        }

        var lo = after.UtcTicks;
        var loOffset = OffsetAt(lo);
        while (lo < until.UtcTicks)
        {
            var hi = Math.Min(lo + TransitionProbeTicks, until.UtcTicks);
            var hiOffset = OffsetAt(hi);
            if (hiOffset != loOffset)
            {
                into.Add(new DateTimeOffset(FirstTickWithOffset(lo, hi, loOffset), TimeSpan.Zero));
            }

            lo = hi;
            loOffset = hiOffset;
        }
    }

    private long OffsetAt(long utcTicks) => Zone.GetUtcOffset(new DateTimeOffset(utcTicks, TimeSpan.Zero)).Ticks;

    // The first tick in (lo, hi] whose offset differs from the offset at lo.
    private long FirstTickWithOffset(long lo, long hi, long loOffset)
    {
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (OffsetAt(mid) == loOffset)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return hi;
    }
}

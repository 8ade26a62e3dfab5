namespace Actors.Grains;

/// <summary>
/// Turns a local wall-clock time in a zone into an instant, the way the scheduler does everywhere:
/// a time skipped by a spring-forward change becomes the first instant after the gap, and a time
/// that occurs twice in a fall-back change becomes its first occurrence.
/// </summary>
public static class LocalTimeResolver
{
    // Every real UTC offset lies within ±14 h, so the instant a local time maps to (or the
    // transition that skips it) lies within this distance of the local time read as UTC.
    private static readonly long SearchRadiusTicks = TimeSpan.FromHours(15).Ticks;

    /// <summary>
    /// The first instant at which the clock of <paramref name="zone"/> reads <paramref name="localTime"/> or later
    /// (the kind of <paramref name="localTime"/> is ignored). The result has a zero offset.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime localTime, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(localTime, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            var latestOffset = zone.GetAmbiguousTimeOffsets(local).Max();
            return AtUtcTicks(local.Ticks - latestOffset.Ticks);
        }

        if (!zone.IsInvalidTime(local))
        {
            return AtUtcTicks(local.Ticks - zone.GetUtcOffset(local).Ticks);
        }

        // In a gap: the local clock is monotonic around a spring-forward change, so the first
        // instant whose local reading is at least localTime is found by bisection.
        var lo = Math.Max(DateTime.MinValue.Ticks, local.Ticks - SearchRadiusTicks);
        var hi = Math.Min(DateTime.MaxValue.Ticks, local.Ticks + SearchRadiusTicks);
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (LocalTicks(mid, zone) >= local.Ticks)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return AtUtcTicks(hi);
    }

    private static long LocalTicks(long utcTicks, TimeZoneInfo zone)
    {
        var instant = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return utcTicks + zone.GetUtcOffset(instant).Ticks;
    }

    private static DateTimeOffset AtUtcTicks(long ticks) =>
        new(Math.Clamp(ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), TimeSpan.Zero);
}

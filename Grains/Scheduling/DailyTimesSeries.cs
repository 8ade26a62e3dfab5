namespace Actors.Grains.Scheduling;

/// <summary>
/// Fixed local times of day in a zone. A time skipped by a spring-forward change occurs at the first
/// instant after the gap; a time repeated by a fall-back change occurs once, at its first occurrence.
/// </summary>
internal sealed class DailyTimesSeries : IOccurrenceSeries
{
    private readonly TimeSpan[] _times;
    private readonly ZoneClock _clock;

    public DailyTimesSeries(IEnumerable<TimeOnly> times, ZoneClock clock)
    {
        _times = [.. times.Distinct().Order().Select(t => t.ToTimeSpan())];
        if (_times.Length == 0)
        {
            throw new ArgumentException("A daily schedule needs at least one time of day.", nameof(times));
        }

        _clock = clock;
    }

    // Resolved instants never decrease as the local date and time increase, so the first one found
    // walking forwards (or backwards) is the answer; the day before and after cover DST shifts.
    public DateTimeOffset? NextAfter(DateTimeOffset instant)
    {
        var date = _clock.LocalTime(instant).Date;
        for (var day = date.AddDays(-1); day <= date.AddDays(2); day = day.AddDays(1))
        {
            foreach (var time in _times)
            {
                var occurrence = _clock.InstantOf(day + time);
                if (occurrence > instant)
                {
                    return occurrence;
                }
            }
        }

        return null;
    }

    public DateTimeOffset? LatestAtOrBefore(DateTimeOffset instant)
    {
        var date = _clock.LocalTime(instant).Date;
        for (var day = date.AddDays(1); day >= date.AddDays(-2); day = day.AddDays(-1))
        {
            for (var i = _times.Length - 1; i >= 0; i--)
            {
                var occurrence = _clock.InstantOf(day + _times[i]);
                if (occurrence <= instant)
                {
                    return occurrence;
                }
            }
        }

        return null;
    }
}

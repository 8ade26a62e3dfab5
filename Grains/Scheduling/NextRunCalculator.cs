using Actors.Grains.Validation;

namespace Actors.Grains.Scheduling;

/// <summary>
/// Pure, deterministic schedule arithmetic for one validated <see cref="ScheduleSpec"/>.
/// All instants are UTC <see cref="DateTimeOffset"/>s; windows, daily times and cron are evaluated
/// in the spec's time zone. A result of null means there is no further run (end time passed, or a
/// one-off already ran).
/// </summary>
/// <remarks>
/// A schedule is a series of slots: each slot is derived from the previous <em>scheduled</em> slot
/// (fixed rate), and a slot outside the daily window moves to the window's next opening, which then
/// anchors the slots after it. Interval arithmetic is in absolute time; windows, daily times, cron
/// and date-only end times follow the local clock of <see cref="ScheduleSpec.TimeZone"/>. Slots at or
/// after <see cref="EndAt"/> do not exist.
/// </remarks>
public sealed class NextRunCalculator
{
    /// <summary>The longest default misfire grace.</summary>
    public static readonly TimeSpan MaxDefaultMisfireGrace = TimeSpan.FromHours(1);

    private static readonly long MaxTicks = DateTimeOffset.MaxValue.UtcTicks;

    private readonly long _intervalTicks;
    private readonly DailyWindowCursor? _window;
    private readonly IOccurrenceSeries? _occurrences;

    /// <summary>Builds the calculator. The spec must have passed <see cref="TaskSpecValidator"/>.</summary>
    /// <exception cref="ArgumentException">The spec is not valid.</exception>
    public NextRunCalculator(ScheduleSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        if (!TimeZoneLookup.TryFind(spec.TimeZone, out var zone, out var zoneError))
        {
            throw new ArgumentException(zoneError, nameof(spec));
        }

        var clock = new ZoneClock(zone);
        if (spec.Window is { IsAllDay: false } window)
        {
            if (DailyWindowParser.Check(window) is { } windowError)
            {
                throw new ArgumentException(windowError, nameof(spec));
            }

            _window = new DailyWindowCursor(window, clock);
        }

        switch (spec.Mode)
        {
            case ScheduleMode.Interval:
                if (spec.IntervalSeconds is < 1 or > TaskSpecValidator.MaxIntervalSeconds)
                {
                    throw new ArgumentException($"interval must be between 1 and {TaskSpecValidator.MaxIntervalSeconds} seconds; got {spec.IntervalSeconds}.", nameof(spec));
                }

                _intervalTicks = TimeSpan.FromSeconds(spec.IntervalSeconds).Ticks;
                break;
            case ScheduleMode.Daily:
                _occurrences = new DailyTimesSeries(spec.DailyAt.Select(text => ParseTime(text)), clock);
                break;
            case ScheduleMode.Cron:
                if (!CronExpressionParser.TryParse(spec.Cron, out var expression, out var cronError))
                {
                    throw new ArgumentException(cronError, nameof(spec));
                }

                _occurrences = new CronSeries(expression, TimeZoneLookup.ForCron(zone));
                break;
            case ScheduleMode.Once:
                break;
            default:
                throw new ArgumentException($"Unknown schedule mode {spec.Mode}.", nameof(spec));
        }

        if (spec.TaskEndTime is { } endText)
        {
            if (!TaskEndTime.TryResolve(endText, zone, out var endAt, out var endError))
            {
                throw new ArgumentException(endError, nameof(spec));
            }

            EndAt = endAt;
        }
    }

    /// <summary>The spec.</summary>
    public ScheduleSpec Spec { get; }

    /// <summary>The resolved end instant (a date means the end of that local day), or null.</summary>
    /// <remarks>The end is exclusive: a slot at or after it does not run.</remarks>
    public DateTimeOffset? EndAt { get; }

    /// <summary>The first run of a task created at <paramref name="createdAt"/>.</summary>
    /// <remarks>
    /// <see cref="ScheduleSpec.RunImmediately"/>: <paramref name="createdAt"/> (or the next window opening).
    /// Interval: <see cref="ScheduleSpec.StartTime"/> when given, else one interval after creation; a start
    /// time already past keeps its phase: it is the first slot while within its misfire grace (so it runs at
    /// once), otherwise the first slot of its series at or after creation. Daily and cron: the first
    /// occurrence after creation, and not before a start time. Once: <see cref="ScheduleSpec.RunAt"/>.
    /// Always moved into the window.
    /// </remarks>
    public DateTimeOffset? First(DateTimeOffset createdAt)
    {
        createdAt = createdAt.ToUniversalTime();
        if (Spec.RunImmediately)
        {
            return Bounded(Adjust(createdAt));
        }

        switch (Spec.Mode)
        {
            case ScheduleMode.Interval when Spec.StartTime is { } start:
                var startSlot = Adjust(start.ToUniversalTime());
                return startSlot >= createdAt || createdAt - startSlot <= MisfireGrace(startSlot)
                    ? Bounded(startSlot)
                    : NextAtOrAfter(startSlot, createdAt);
            case ScheduleMode.Interval:
                return Bounded(Plus(createdAt, 1) is { } raw ? Adjust(raw) : null);
            case ScheduleMode.Daily or ScheduleMode.Cron when Spec.StartTime is { } start && start > createdAt:
                return OccurrenceAtOrAfter(createdAt, start.ToUniversalTime());
            case ScheduleMode.Daily or ScheduleMode.Cron:
                return Next(createdAt);
            default:
                return Spec.RunAt is { } runAt ? Bounded(Adjust(runAt.ToUniversalTime())) : null;
        }
    }

    /// <summary>The next slot after the slot <paramref name="previousScheduled"/> (fixed rate for intervals).</summary>
    /// <remarks>
    /// Interval: <paramref name="previousScheduled"/> plus one interval, moved into the window. Daily and cron: the
    /// next occurrence strictly after it, moved into the window. Once: null.
    /// </remarks>
    public DateTimeOffset? Next(DateTimeOffset previousScheduled)
    {
        previousScheduled = previousScheduled.ToUniversalTime();
        return Spec.Mode switch
        {
            ScheduleMode.Interval => Bounded(Plus(previousScheduled, 1) is { } raw ? Adjust(raw) : null),
            ScheduleMode.Daily or ScheduleMode.Cron => Bounded(_occurrences!.NextAfter(previousScheduled) is { } next ? Adjust(next) : null),
            _ => null,
        };
    }

    /// <summary>The first slot of the series anchored at <paramref name="anchor"/> that is at or after <paramref name="notBefore"/>.</summary>
    /// <remarks>
    /// The anchor itself is not a candidate (for intervals: the smallest <c>anchor + k·interval</c>, k ≥ 1, at or after
    /// <paramref name="notBefore"/>). Computed arithmetically within each stretch of open window, so a gap of
    /// millions of slots costs one step per day at most. Used for resume (no burst) and misfire (skip ahead).
    /// Once: <see cref="ScheduleSpec.RunAt"/> when it is at or after <paramref name="notBefore"/>, else null.
    /// </remarks>
    public DateTimeOffset? NextAtOrAfter(DateTimeOffset anchor, DateTimeOffset notBefore)
    {
        anchor = anchor.ToUniversalTime();
        notBefore = notBefore.ToUniversalTime();
        return Spec.Mode switch
        {
            ScheduleMode.Interval => IntervalAtOrAfter(anchor, notBefore),
            ScheduleMode.Daily or ScheduleMode.Cron => OccurrenceAtOrAfter(anchor, notBefore),
            _ => Spec.RunAt is { } runAt && Adjust(runAt.ToUniversalTime()) is var slot && slot >= notBefore ? Bounded(slot) : null,
        };
    }

    /// <summary>Slots strictly between two instants of the series anchored at <paramref name="anchor"/>, counted up to <paramref name="cap"/>.</summary>
    /// <remarks>The anchor counts as a slot of its own series. Intervals are counted arithmetically.</remarks>
    public long CountSlotsBetween(DateTimeOffset anchor, DateTimeOffset afterExclusive, DateTimeOffset beforeExclusive, long cap = 100_000)
    {
        anchor = anchor.ToUniversalTime();
        var limit = EndAt is { } end && end < beforeExclusive ? end : beforeExclusive.ToUniversalTime();
        if (cap <= 0 || limit <= afterExclusive)
        {
            return 0;
        }

        long count = anchor > afterExclusive && anchor < limit ? 1 : 0;
        switch (Spec.Mode)
        {
            case ScheduleMode.Interval:
                count += CountIntervalSlots(anchor, afterExclusive.ToUniversalTime(), limit, cap - count);
                break;
            case ScheduleMode.Daily or ScheduleMode.Cron:
                var slot = anchor > afterExclusive ? Next(anchor) : OccurrenceAtOrAfter(anchor, afterExclusive.AddTicks(1));
                for (; slot is { } s && s < limit && count < cap; slot = Next(s))
                {
                    count++;
                }

                break;
            default:
                break;
        }

        return Math.Min(count, cap);
    }

    /// <summary>Whether a run may start at <paramref name="instant"/> (inside the daily window, if any).</summary>
    public bool IsInWindow(DateTimeOffset instant) => _window is null || _window.IsOpen(instant);

    /// <summary>
    /// <paramref name="instant"/> when a run may start then, otherwise the next opening of the daily window
    /// (for example to place a reordered slot). Ignores the end time.
    /// </summary>
    public DateTimeOffset MoveIntoWindow(DateTimeOffset instant) => Adjust(instant.ToUniversalTime());

    /// <summary>How late the slot <paramref name="slot"/> may still run after a miss.</summary>
    /// <remarks>
    /// <see cref="ScheduleSpec.MisfireGraceSeconds"/> when set; otherwise one interval, at most an hour: for daily and
    /// cron the distance from the slot's occurrence to the following occurrence; once: an hour.
    /// </remarks>
    public TimeSpan MisfireGrace(DateTimeOffset slot)
    {
        if (Spec.MisfireGraceSeconds is { } seconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        switch (Spec.Mode)
        {
            case ScheduleMode.Interval:
                return TimeSpan.FromTicks(Math.Min(_intervalTicks, MaxDefaultMisfireGrace.Ticks));
            case ScheduleMode.Daily or ScheduleMode.Cron:
                // Measured from the occurrence at or before the slot, so a slot moved by a window or a
                // reorder gets the period of its schedule rather than a sliver.
                slot = slot.ToUniversalTime();
                var following = _occurrences!.NextAfter(slot);
                var occurrence = _occurrences.LatestAtOrBefore(slot);
                if (following is null)
                {
                    return MaxDefaultMisfireGrace;
                }

                if (occurrence is null)
                {
                    occurrence = following;
                    following = _occurrences.NextAfter(following.Value);
                }

                var period = following - occurrence;
                return period is { } p && p < MaxDefaultMisfireGrace ? p : MaxDefaultMisfireGrace;
            default:
                return MaxDefaultMisfireGrace;
        }
    }

    private static TimeOnly ParseTime(string text) =>
        LocalTimeOfDay.TryParse(text, out var time, out var error) ? time : throw new ArgumentException(error, nameof(text));

    private static long CeilingDivide(long dividend, long divisor) => (dividend + divisor - 1) / divisor;

    private DateTimeOffset Adjust(DateTimeOffset instant) => _window?.Adjust(instant) ?? instant;

    private DateTimeOffset? Bounded(DateTimeOffset? slot) => slot is { } s && (EndAt is null || s < EndAt) ? s : null;

    // instant + steps · interval, or null past the end of the calendar.
    private DateTimeOffset? Plus(DateTimeOffset instant, long steps)
    {
        var ticks = instant.UtcTicks;
        return steps > (MaxTicks - ticks) / _intervalTicks ? null : new DateTimeOffset(ticks + (steps * _intervalTicks), TimeSpan.Zero);
    }

    // Walks the series one stretch of open window at a time: inside a stretch the slots are evenly
    // spaced, so the wanted one is found by division; a slot that falls outside moves to the opening.
    private DateTimeOffset? IntervalAtOrAfter(DateTimeOffset anchor, DateTimeOffset notBefore)
    {
        var slot = anchor;
        while (true)
        {
            if (Plus(slot, 1) is not { } raw || Bounded(raw) is null)
            {
                return null;
            }

            if (_window is not null && !_window.IsOpen(raw))
            {
                slot = _window.NextOpening(raw);
                if (slot >= notBefore || Bounded(slot) is null)
                {
                    return Bounded(slot);
                }

                continue;
            }

            if (raw >= notBefore)
            {
                return raw;
            }

            var candidate = Plus(raw, CeilingDivide(notBefore.UtcTicks - raw.UtcTicks, _intervalTicks));
            var closing = _window?.NextClosing(raw);
            if (candidate is null || closing is null || candidate < closing)
            {
                return Bounded(candidate);
            }

            slot = Plus(raw, CeilingDivide(closing.Value.UtcTicks - raw.UtcTicks, _intervalTicks) - 1)!.Value;
        }
    }

    private long CountIntervalSlots(DateTimeOffset anchor, DateTimeOffset after, DateTimeOffset limit, long cap)
    {
        long count = 0;
        var slot = anchor;
        while (count < cap)
        {
            if (Plus(slot, 1) is not { } raw || raw >= limit)
            {
                break;
            }

            if (_window is not null && !_window.IsOpen(raw))
            {
                slot = _window.NextOpening(raw);
                if (slot >= limit)
                {
                    break;
                }

                count += slot > after ? 1 : 0;
                continue;
            }

            var closing = _window?.NextClosing(raw) is { } c && c < limit ? c : limit;
            var inStretch = CeilingDivide(closing.UtcTicks - raw.UtcTicks, _intervalTicks);
            var notAfter = raw > after ? 0 : Math.Min(inStretch, ((after.UtcTicks - raw.UtcTicks) / _intervalTicks) + 1);
            count += inStretch - notAfter;
            if (closing == limit)
            {
                break;
            }

            slot = Plus(raw, inStretch - 1)!.Value;
        }

        return count;
    }

    // The first slot strictly after the anchor and at or after notBefore. Slots are the distinct
    // window-adjusted occurrences, so an occurrence before notBefore still counts when the window
    // moves it to notBefore or later: that is any occurrence in the closed stretch notBefore ends or lies in.
    private DateTimeOffset? OccurrenceAtOrAfter(DateTimeOffset anchor, DateTimeOffset notBefore)
    {
        if (notBefore <= anchor)
        {
            return Next(anchor);
        }

        var lowerBound = notBefore;
        var justBefore = notBefore.AddTicks(-1);
        if (_window is not null && !_window.IsOpen(justBefore))
        {
            lowerBound = _window.ClosedSince(justBefore);
        }

        var from = lowerBound.AddTicks(-1) > anchor ? lowerBound.AddTicks(-1) : anchor;
        return Bounded(_occurrences!.NextAfter(from) is { } occurrence ? Adjust(occurrence) : null);
    }
}

namespace Actors.Grains.Scheduling;

/// <summary>
/// Pure, deterministic schedule arithmetic for one validated <see cref="ScheduleSpec"/>.
/// All instants are UTC <see cref="DateTimeOffset"/>s; windows, daily times and cron are evaluated
/// in the spec's time zone. A result of null means there is no further run (end time passed, or a
/// one-off already ran).
/// </summary>
public sealed class NextRunCalculator
{
    /// <summary>Builds the calculator. The spec must have passed <see cref="TaskSpecValidator"/>.</summary>
    public NextRunCalculator(ScheduleSpec spec)
    {
        Spec = spec;
        throw new NotSupportedException("skeleton: filled in by the scheduling work");
    }

    /// <summary>The spec.</summary>
    public ScheduleSpec Spec { get; }

    /// <summary>The resolved end instant (a date means the end of that local day), or null.</summary>
    public DateTimeOffset? EndAt { get; }

    /// <summary>The first run of a task created at <paramref name="createdAt"/>.</summary>
    public DateTimeOffset? First(DateTimeOffset createdAt) => throw new NotSupportedException();

    /// <summary>The next slot after the slot <paramref name="previousScheduled"/> (fixed rate for intervals).</summary>
    public DateTimeOffset? Next(DateTimeOffset previousScheduled) => throw new NotSupportedException();

    /// <summary>The first slot of the series anchored at <paramref name="anchor"/> that is at or after <paramref name="notBefore"/>.</summary>
    public DateTimeOffset? NextAtOrAfter(DateTimeOffset anchor, DateTimeOffset notBefore) => throw new NotSupportedException();

    /// <summary>Slots strictly between two instants of the series anchored at <paramref name="anchor"/>, counted up to <paramref name="cap"/>.</summary>
    public long CountSlotsBetween(DateTimeOffset anchor, DateTimeOffset afterExclusive, DateTimeOffset beforeExclusive, long cap = 100_000) => throw new NotSupportedException();

    /// <summary>Whether a run may start at <paramref name="instant"/> (inside the daily window, if any).</summary>
    public bool IsInWindow(DateTimeOffset instant) => throw new NotSupportedException();

    /// <summary>How late the slot <paramref name="slot"/> may still run after a miss.</summary>
    public TimeSpan MisfireGrace(DateTimeOffset slot) => throw new NotSupportedException();
}

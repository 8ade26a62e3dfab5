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
    }

    /// <summary>The spec.</summary>
    public ScheduleSpec Spec { get; }

    /// <summary>The resolved end instant (a date means the end of that local day), or null.</summary>
    public DateTimeOffset? EndAt { get; }

    /// <summary>The first run of a task created at <paramref name="createdAt"/>.</summary>
    public DateTimeOffset? First(DateTimeOffset createdAt) => Spec.Mode == ScheduleMode.Once ? Spec.RunAt : Spec.RunImmediately ? createdAt : Spec.StartTime ?? createdAt.AddSeconds(Spec.IntervalSeconds);

    /// <summary>The next slot after the slot <paramref name="previousScheduled"/> (fixed rate for intervals).</summary>
    public DateTimeOffset? Next(DateTimeOffset previousScheduled) => Spec.Mode == ScheduleMode.Once ? null : previousScheduled.AddSeconds(Spec.IntervalSeconds);

    /// <summary>The first slot of the series anchored at <paramref name="anchor"/> that is at or after <paramref name="notBefore"/>.</summary>
    public DateTimeOffset? NextAtOrAfter(DateTimeOffset anchor, DateTimeOffset notBefore)
    {
        if (Spec.Mode == ScheduleMode.Once)
        {
            return Spec.RunAt >= notBefore ? Spec.RunAt : null;
        }

        var step = TimeSpan.FromSeconds(Spec.IntervalSeconds).Ticks;
        var k = Math.Max(1, (notBefore - anchor).Ticks / step);
        var candidate = anchor.AddTicks(k * step);
        return candidate < notBefore ? candidate.AddTicks(step) : candidate;
    }

    /// <summary>Slots strictly between two instants of the series anchored at <paramref name="anchor"/>, counted up to <paramref name="cap"/>.</summary>
    public long CountSlotsBetween(DateTimeOffset anchor, DateTimeOffset afterExclusive, DateTimeOffset beforeExclusive, long cap = 100_000) =>
        Spec.Mode == ScheduleMode.Once ? 0 : Math.Min(cap, Math.Max(0, ((beforeExclusive - afterExclusive).Ticks - 1) / TimeSpan.FromSeconds(Spec.IntervalSeconds).Ticks));

    /// <summary>Whether a run may start at <paramref name="instant"/> (inside the daily window, if any).</summary>
    public bool IsInWindow(DateTimeOffset instant) => Spec.Window is null || instant >= DateTimeOffset.MinValue;

    /// <summary>How late the slot <paramref name="slot"/> may still run after a miss.</summary>
    public TimeSpan MisfireGrace(DateTimeOffset slot) => TimeSpan.FromSeconds(Spec.MisfireGraceSeconds ?? Math.Min(Spec.IntervalSeconds, 3600));
}

using Actors.Grains.Scheduling;

namespace Actors.Grains.Tasks;

/// <summary>
/// Decides, purely, what a task does when its slot comes due: run it, or (after downtime or a
/// dispatcher stop) run only the latest missed slot if it is within the grace period and inside
/// the window, counting the others; never replay missed slots one by one.
/// </summary>
public static class DuePlanner
{
    /// <summary>A reminder may fire a hair early; a slot this close counts as due.</summary>
    public static readonly TimeSpan EarlyTolerance = TimeSpan.FromMilliseconds(50);

    private const int MaxWalk = 10_000;

    /// <summary>Missed slots are counted up to this many (intervals count arithmetically; cron walks).</summary>
    private const long MaxCounted = 10_000_000;

    /// <summary>Whether <paramref name="slot"/> is due at <paramref name="now"/>.</summary>
    public static bool IsDue(DateTimeOffset slot, DateTimeOffset now) => slot <= now + EarlyTolerance;

    /// <summary>Plans a due slot at <paramref name="now"/>.</summary>
    public static DueDecision Plan(NextRunCalculator calculator, DateTimeOffset slot, DateTimeOffset now)
    {
        // Walk to the latest slot that is due; a long outage is counted arithmetically instead.
        var latest = slot;
        long missedBefore = 0;
        if (calculator.CountSlotsBetween(slot, slot, now, MaxWalk + 1) > MaxWalk)
        {
            var resume = calculator.NextAtOrAfter(slot, now);
            var count = calculator.CountSlotsBetween(slot, slot, now, MaxCounted) + 1;
            return new DueDecision(null, count, slot, resume, $"{count} slots missed since {slot:O}; more than {MaxWalk} behind");
        }

        for (var next = calculator.Next(latest); next is { } n && n <= now + EarlyTolerance; next = calculator.Next(latest))
        {
            latest = n;
            missedBefore++;
        }

        var following = calculator.Next(latest);
        var lateness = now - latest;
        if (lateness <= calculator.MisfireGrace(latest) && calculator.IsInWindow(now > latest ? now : latest))
        {
            var reason = missedBefore > 0 ? $"{missedBefore} earlier slots missed; only the latest runs" : null;
            return new DueDecision(latest, missedBefore, missedBefore > 0 ? slot : null, following, reason);
        }

        var why = calculator.IsInWindow(now)
            ? $"missed by {lateness.TotalSeconds:0.#} s, beyond the grace of {calculator.MisfireGrace(latest).TotalSeconds:0.#} s"
            : "missed, and now is outside the task's daily window";
        return new DueDecision(null, missedBefore + 1, slot, following, why);
    }
}

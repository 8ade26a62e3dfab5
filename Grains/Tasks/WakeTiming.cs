namespace Actors.Grains.Tasks;

/// <summary>
/// Decides, purely, how a task wakes up. A wake-up within <see cref="TimerHorizon"/> is timed by a
/// grain timer, and the durable reminder only backs it up (deactivation, a dead silo): it is kept as
/// long as its next tick comes within a period after the wake-up, so a short interval costs no
/// reminder write per run. A farther wake-up is timed by the reminder alone, which must then tick
/// exactly at it (an idle activation is collected after 15 minutes, and its timer with it). A
/// regular interval of at least the horizon rides the reminder's own period.
/// </summary>
public static class WakeTiming
{
    /// <summary>
    /// How far ahead a grain timer times a wake-up, and so the shortest reminder period: an interval
    /// shorter than this is the timer's. Well inside Orleans' idle collection age (15 minutes).
    /// </summary>
    public static readonly TimeSpan TimerHorizon = TimeSpan.FromMinutes(5);

    /// <summary>The soonest a reminder is registered to tick (a closer wake-up is the timer's anyway).</summary>
    public static readonly TimeSpan ImminentWake = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether an activation has a reason to stay in memory for its next wake-up: one its timer
    /// times (within <see cref="TimerHorizon"/>). The reminder wakes it for the rest.
    /// </summary>
    public static bool KeepsActivation(DateTimeOffset? wake, DateTimeOffset now) => wake is { } at && at - now <= TimerHorizon;

    /// <summary>The reminder period of a schedule: its interval, but never under the horizon nor Orleans' minimum.</summary>
    public static TimeSpan ReminderPeriod(ScheduleSpec schedule, TimeSpan minimumReminderPeriod)
    {
        var interval = schedule.Mode == ScheduleMode.Interval ? TimeSpan.FromSeconds(schedule.IntervalSeconds) : TimeSpan.FromHours(1);
        var floor = minimumReminderPeriod > TimerHorizon ? minimumReminderPeriod : TimerHorizon;
        return interval < floor ? floor : interval;
    }

    /// <summary>Plans the wake-up at <paramref name="wake"/>, given the registered reminder (<paramref name="anchor"/>, <paramref name="registeredPeriod"/>).</summary>
    public static WakePlan Plan(DateTimeOffset wake, DateTimeOffset now, TimeSpan period, DateTimeOffset? anchor, TimeSpan registeredPeriod)
    {
        var timed = wake - now <= TimerHorizon;
        TimeSpan? timer = timed ? (wake > now ? wake - now : TimeSpan.Zero) : null;
        if (anchor is { } a && registeredPeriod == period)
        {
            // The reminder's first tick at or after the wake-up. A tick that comes before the
            // wake-up only wakes the task for nothing (the timer times it): judging by the first
            // tick after now instead re-registered the reminder for about every other run.
            var tick = a >= wake ? a : a + (period * Math.Ceiling((wake - a) / period));
            if (IsNaturalTick(a, period, wake) || (timed && tick - wake < period))
            {
                return new WakePlan(timer, null, period, a);
            }
        }

        var due = wake - now;
        return due < ImminentWake
            ? new WakePlan(timer, ImminentWake, period, now + ImminentWake)
            : new WakePlan(timer, due, period, wake);
    }

    private static bool IsNaturalTick(DateTimeOffset anchor, TimeSpan period, DateTimeOffset wake) =>
        wake >= anchor && (wake - anchor).Ticks % period.Ticks == 0;
}

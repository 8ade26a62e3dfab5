namespace Actors.Grains.Tasks;

/// <summary>How a task wakes up for its next wake-up (see <see cref="WakeTiming"/>).</summary>
/// <param name="TimerDue">Arm the grain timer to fire after this; null: no timer.</param>
/// <param name="ReminderDue">Register the reminder to tick first after this; null: keep the registered one.</param>
/// <param name="ReminderPeriod">The reminder period to register.</param>
/// <param name="ReminderAnchor">Where the registered reminder's ticks are anchored, when <paramref name="ReminderDue"/> is set.</param>
public sealed record WakePlan(TimeSpan? TimerDue, TimeSpan? ReminderDue, TimeSpan ReminderPeriod, DateTimeOffset? ReminderAnchor);

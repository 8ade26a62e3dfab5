namespace Actors.Silo.Configuration;

/// <summary>Scheduling knobs (section <c>Actors:Scheduling</c>).</summary>
public sealed class SchedulingSettings
{
    /// <summary>
    /// Orleans' minimum reminder period. A task's reminder period is never shorter than this nor than
    /// the 5-minute backstop; a grain timer drives shorter intervals while the task is active.
    /// </summary>
    public int MinimumReminderPeriodSeconds { get; set; } = 60;

    /// <summary>
    /// How often each silo re-reads its part of the reminder table (new reminders are armed at once
    /// regardless, and a silo that joins or leaves makes the others read their new ranges at once).
    /// The re-read is one long turn of the reminder service, about 1.5 s per 150,000 reminders on
    /// the development machine, so Orleans' own default of 5 minutes is kept.
    /// </summary>
    public int ReminderRefreshSeconds { get; set; } = 300;
}

namespace Actors.Silo.Configuration;

/// <summary>Scheduling knobs (section <c>Actors:Scheduling</c>).</summary>
public sealed class SchedulingSettings
{
    /// <summary>
    /// Orleans' minimum reminder period. A task whose interval is at least this rides its reminder's
    /// period with no reminder write per run; shorter or irregular schedules re-register per run.
    /// </summary>
    public int MinimumReminderPeriodSeconds { get; set; } = 60;

    /// <summary>How often each silo re-reads the reminder table (new reminders are armed at once regardless).</summary>
    public int ReminderRefreshSeconds { get; set; } = 60;
}

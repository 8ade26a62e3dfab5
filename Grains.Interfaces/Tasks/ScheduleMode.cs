namespace Actors.Grains;

/// <summary>The kind of schedule. The legacy wire alias <c>intraday</c> means <see cref="Interval"/>.</summary>
[GenerateSerializer, Alias("actors.schedule-mode")]
public enum ScheduleMode
{
    /// <summary>Every <c>interval</c> seconds, anchored to the previous scheduled time.</summary>
    Interval = 0,

    /// <summary>At fixed local times of day (<c>at</c>).</summary>
    Daily = 1,

    /// <summary>A 5- or 6-field cron expression.</summary>
    Cron = 2,

    /// <summary>Once, at <c>run_at</c>.</summary>
    Once = 3,
}

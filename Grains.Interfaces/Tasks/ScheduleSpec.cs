namespace Actors.Grains;

/// <summary>When a task runs. Times are UTC instants; the window and daily times are local to <see cref="TimeZone"/>.</summary>
[GenerateSerializer, Immutable, Alias("actors.schedule-spec")]
public sealed record ScheduleSpec
{
    /// <summary>Default interval when none is given: one hour.</summary>
    public const int DefaultIntervalSeconds = 3600;

    /// <summary>The schedule kind.</summary>
    [Id(0)] public ScheduleMode Mode { get; init; } = ScheduleMode.Interval;

    /// <summary>Seconds between runs (interval mode).</summary>
    [Id(1)] public int IntervalSeconds { get; init; } = DefaultIntervalSeconds;

    /// <summary>A 5- or 6-field cron expression (cron mode).</summary>
    [Id(2)] public string? Cron { get; init; }

    /// <summary>Local times of day, <c>HH:mm</c> or <c>HH:mm:ss</c> (daily mode).</summary>
    [Id(3)] public string[] DailyAt { get; init; } = [];

    /// <summary>The single run time (once mode).</summary>
    [Id(4)] public DateTimeOffset? RunAt { get; init; }

    /// <summary>The daily window runs must start in; null means the whole day.</summary>
    [Id(5)] public DailyWindow? Window { get; init; }

    /// <summary>IANA time zone id of the window, daily times, cron and date-only end times.</summary>
    [Id(6)] public string TimeZone { get; init; } = "UTC";

    /// <summary>The first run (interval mode); null means one interval after creation.</summary>
    [Id(7)] public DateTimeOffset? StartTime { get; init; }

    /// <summary>Run once as soon as the task is created.</summary>
    [Id(8)] public bool RunImmediately { get; init; }

    /// <summary>The end time as the client wrote it: a date (end of that local day) or a date-time.</summary>
    [Id(9)] public string? TaskEndTime { get; init; }

    /// <summary>How late a missed slot may still run; null means one interval, at most one hour.</summary>
    [Id(10)] public int? MisfireGraceSeconds { get; init; }
}

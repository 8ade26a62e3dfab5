using Actors.Grains;

namespace Actors.WebApi.Contracts;

/// <summary>The schedule fields a task body and a flow body share (read by <see cref="TaskRequestReader"/>).</summary>
public abstract record ScheduleBody
{
    /// <summary>How runs are scheduled (default interval).</summary>
    public ScheduleMode? ScheduleMode { get; init; }

    /// <summary>Seconds between runs (interval mode; default 3600).</summary>
    public int? Interval { get; init; }

    /// <summary>A daily window as two whole hours, e.g. [8, 22]; wins over time_slot.</summary>
    public int[]? ValidTimeRange { get; init; }

    /// <summary>A daily window as <c>HH:mm</c> times.</summary>
    public TimeSlotBody? TimeSlot { get; init; }

    /// <summary>A cron expression (cron mode).</summary>
    public string? Cron { get; init; }

    /// <summary>Times of day as <c>HH:mm</c> (daily mode).</summary>
    public string[]? At { get; init; }

    /// <summary>The one run's time, ISO 8601 (once mode).</summary>
    public string? RunAt { get; init; }

    /// <summary>An IANA time zone (default: the service's).</summary>
    public string? TimeZone { get; init; }

    /// <summary>No run before this time, ISO 8601.</summary>
    public string? StartTime { get; init; }

    /// <summary>Run once at once, then on the schedule.</summary>
    public bool? RunImmediately { get; init; }

    /// <summary>No run after this time.</summary>
    public string? TaskEndTime { get; init; }

    /// <summary>What a run that comes due while one is running does (default skip).</summary>
    public OverlapPolicy? Overlap { get; init; }

    /// <summary>How late a run may start before it counts as missed.</summary>
    public int? MisfireGraceSeconds { get; init; }
}

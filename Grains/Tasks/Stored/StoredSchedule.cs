using System.Text.Json.Serialization;

namespace Actors.Grains.Tasks.Stored;

/// <summary>A schedule as stored (see <see cref="StoredSpec"/>).</summary>
[GenerateSerializer, Immutable, Alias("actors.stored-schedule")]
public sealed record StoredSchedule
{
    /// <summary>See <see cref="ScheduleSpec.Mode"/>.</summary>
    [Id(0), JsonPropertyName("mode")] public ScheduleMode Mode { get; init; }

    /// <summary>See <see cref="ScheduleSpec.IntervalSeconds"/>.</summary>
    [Id(1), JsonPropertyName("intervalSeconds")] public int IntervalSeconds { get; init; }

    /// <summary>See <see cref="ScheduleSpec.Cron"/>.</summary>
    [Id(2), JsonPropertyName("cron")] public string? Cron { get; init; }

    /// <summary>See <see cref="ScheduleSpec.DailyAt"/>.</summary>
    [Id(3), JsonPropertyName("dailyAt")] public string[] DailyAt { get; init; } = [];

    /// <summary>See <see cref="ScheduleSpec.RunAt"/>.</summary>
    [Id(4), JsonPropertyName("runAt")] public DateTimeOffset? RunAt { get; init; }

    /// <summary>See <see cref="ScheduleSpec.Window"/>.</summary>
    [Id(5), JsonPropertyName("window")] public StoredWindow? Window { get; init; }

    /// <summary>See <see cref="ScheduleSpec.TimeZone"/>.</summary>
    [Id(6), JsonPropertyName("timeZone")] public string TimeZone { get; init; } = "UTC";

    /// <summary>See <see cref="ScheduleSpec.StartTime"/>.</summary>
    [Id(7), JsonPropertyName("startTime")] public DateTimeOffset? StartTime { get; init; }

    /// <summary>See <see cref="ScheduleSpec.RunImmediately"/>.</summary>
    [Id(8), JsonPropertyName("runImmediately")] public bool RunImmediately { get; init; }

    /// <summary>See <see cref="ScheduleSpec.TaskEndTime"/>.</summary>
    [Id(9), JsonPropertyName("taskEndTime")] public string? TaskEndTime { get; init; }

    /// <summary>See <see cref="ScheduleSpec.MisfireGraceSeconds"/>.</summary>
    [Id(10), JsonPropertyName("misfireGraceSeconds")] public int? MisfireGraceSeconds { get; init; }
}

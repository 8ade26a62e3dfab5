using System.Text.Json.Serialization;

namespace Actors.Grains.Catalog;

/// <summary>
/// The part of a task's catalog row that changes with every run. The silo stores it apart from the
/// rest, as columns of the due table, so a run writes a small row in place instead of the whole
/// catalog row with its indexes; the whole row, <see cref="CatalogEntry"/>, adds what runs do not
/// change. JSON names pinned here. The last run is not in it: the run history has it.
/// </summary>
public record CatalogProgress
{
    /// <summary>See <see cref="TaskInfo.Status"/>.</summary>
    [JsonPropertyName("status")] public ScheduledTaskStatus Status { get; init; }

    /// <summary>See <see cref="TaskInfo.RoundNum"/>.</summary>
    [JsonPropertyName("roundNum")] public long RoundNum { get; init; }

    /// <summary>See <see cref="TaskInfo.LastExecutionTime"/>.</summary>
    [JsonPropertyName("lastExecutionTime")] public DateTimeOffset? LastExecutionTime { get; init; }

    /// <summary>See <see cref="TaskInfo.NextExecutionTime"/>.</summary>
    [JsonPropertyName("nextExecutionTime")] public DateTimeOffset? NextExecutionTime { get; init; }

    /// <summary>See <see cref="TaskInfo.UpdatedAt"/>.</summary>
    [JsonPropertyName("updatedAt")] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>See <see cref="TaskInfo.ConsecutiveFailures"/>.</summary>
    [JsonPropertyName("consecutiveFailures")] public int ConsecutiveFailures { get; init; }

    /// <summary>See <see cref="TaskInfo.Version"/>.</summary>
    [JsonPropertyName("version")] public long Version { get; init; }

    /// <summary>See <see cref="TaskInfo.MissedRuns"/>.</summary>
    [JsonPropertyName("missedRuns")] public long MissedRuns { get; init; }

    /// <summary>See <see cref="TaskInfo.RunningSince"/>.</summary>
    [JsonPropertyName("runningSince")] public DateTimeOffset? RunningSince { get; init; }
}

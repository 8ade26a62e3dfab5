using System.Text.Json.Serialization;
using Actors.Grains.Tasks.Stored;

namespace Actors.Grains.Catalog;

/// <summary>
/// A task's row in the catalog as stored (the <c>info</c> column), with its JSON names pinned here
/// so renaming a wire property never changes stored rows; mapped to <see cref="TaskInfo"/> by
/// <see cref="CatalogMapping"/>.
/// </summary>
public sealed record CatalogEntry
{
    /// <summary>See <see cref="TaskInfo.TaskId"/>.</summary>
    [JsonPropertyName("taskId")] public Guid TaskId { get; init; }

    /// <summary>See <see cref="TaskInfo.Spec"/>.</summary>
    [JsonPropertyName("spec")] public StoredSpec Spec { get; init; } = new();

    /// <summary>See <see cref="TaskInfo.Status"/>.</summary>
    [JsonPropertyName("status")] public ScheduledTaskStatus Status { get; init; }

    /// <summary>See <see cref="TaskInfo.RoundNum"/>.</summary>
    [JsonPropertyName("roundNum")] public long RoundNum { get; init; }

    /// <summary>See <see cref="TaskInfo.LastExecutionTime"/>.</summary>
    [JsonPropertyName("lastExecutionTime")] public DateTimeOffset? LastExecutionTime { get; init; }

    /// <summary>See <see cref="TaskInfo.NextExecutionTime"/>.</summary>
    [JsonPropertyName("nextExecutionTime")] public DateTimeOffset? NextExecutionTime { get; init; }

    /// <summary>See <see cref="TaskInfo.CreatedAt"/>.</summary>
    [JsonPropertyName("createdAt")] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>See <see cref="TaskInfo.UpdatedAt"/>.</summary>
    [JsonPropertyName("updatedAt")] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>See <see cref="TaskInfo.LastRun"/>.</summary>
    [JsonPropertyName("lastRun")] public StoredRun? LastRun { get; init; }

    /// <summary>See <see cref="TaskInfo.ConsecutiveFailures"/>.</summary>
    [JsonPropertyName("consecutiveFailures")] public int ConsecutiveFailures { get; init; }

    /// <summary>See <see cref="TaskInfo.Version"/>.</summary>
    [JsonPropertyName("version")] public long Version { get; init; }

    /// <summary>See <see cref="TaskInfo.MissedRuns"/>.</summary>
    [JsonPropertyName("missedRuns")] public long MissedRuns { get; init; }

    /// <summary>See <see cref="TaskInfo.RunningSince"/>.</summary>
    [JsonPropertyName("runningSince")] public DateTimeOffset? RunningSince { get; init; }
}

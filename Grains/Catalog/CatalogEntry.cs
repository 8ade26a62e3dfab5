using System.Text.Json.Serialization;
using Actors.Grains.Tasks.Stored;

namespace Actors.Grains.Catalog;

/// <summary>
/// A task's row in the catalog as stored (the <c>info</c> column), with its JSON names pinned here
/// so renaming a wire property never changes stored rows; mapped to <see cref="TaskInfo"/> by
/// <see cref="CatalogMapping"/>. What runs change is its base, <see cref="CatalogProgress"/>.
/// </summary>
public sealed record CatalogEntry : CatalogProgress
{
    /// <summary>See <see cref="TaskInfo.TaskId"/>.</summary>
    [JsonPropertyName("taskId")] public Guid TaskId { get; init; }

    /// <summary>See <see cref="TaskInfo.Spec"/>.</summary>
    [JsonPropertyName("spec")] public StoredSpec Spec { get; init; } = new();

    /// <summary>See <see cref="TaskInfo.CreatedAt"/>.</summary>
    [JsonPropertyName("createdAt")] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>See <see cref="TaskInfo.LastRun"/>.</summary>
    [JsonPropertyName("lastRun")] public StoredRun? LastRun { get; init; }
}

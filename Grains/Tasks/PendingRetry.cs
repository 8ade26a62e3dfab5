using System.Text.Json.Serialization;

namespace Actors.Grains.Tasks;

/// <summary>A round whose attempt failed, waiting for its next attempt.</summary>
[GenerateSerializer, Immutable, Alias("actors.pending-retry")]
public sealed record PendingRetry
{
    /// <summary>The round.</summary>
    [Id(0), JsonPropertyName("round")] public long Round { get; init; }

    /// <summary>The attempt to make.</summary>
    [Id(1), JsonPropertyName("attempt")] public int Attempt { get; init; }

    /// <summary>The round's slot.</summary>
    [Id(2), JsonPropertyName("scheduledAt")] public DateTimeOffset ScheduledAt { get; init; }

    /// <summary>When the attempt is due.</summary>
    [Id(3), JsonPropertyName("dueAt")] public DateTimeOffset DueAt { get; init; }

    /// <summary>What started the round.</summary>
    [Id(4), JsonPropertyName("trigger")] public RunTrigger Trigger { get; init; }
}

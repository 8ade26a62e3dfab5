using System.Text.Json.Serialization;

namespace Actors.Grains.Tasks;

/// <summary>The attempt in flight, saved before its executor starts so a crash never loses it.</summary>
[GenerateSerializer, Immutable, Alias("actors.in-flight-run")]
public sealed record InFlightRun
{
    /// <summary><c>{task_id}:{round}</c>: the idempotency key the executor passes on.</summary>
    [Id(0), JsonPropertyName("runId")] public string RunId { get; init; } = "";

    /// <summary>The round.</summary>
    [Id(1), JsonPropertyName("round")] public long Round { get; init; }

    /// <summary>1 for the first attempt of the round.</summary>
    [Id(2), JsonPropertyName("attempt")] public int Attempt { get; init; } = 1;

    /// <summary>The slot it runs for.</summary>
    [Id(3), JsonPropertyName("scheduledAt")] public DateTimeOffset ScheduledAt { get; init; }

    /// <summary>When the attempt started.</summary>
    [Id(4), JsonPropertyName("startedAt")] public DateTimeOffset StartedAt { get; init; }

    /// <summary>The silo executing it.</summary>
    [Id(5), JsonPropertyName("silo")] public string Silo { get; init; } = "";

    /// <summary>What started it.</summary>
    [Id(6), JsonPropertyName("trigger")] public RunTrigger Trigger { get; init; }
}

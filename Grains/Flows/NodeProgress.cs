using System.Text.Json.Serialization;

namespace Actors.Grains.Flows;

/// <summary>One node in one cycle, as its cycle stores it.</summary>
[GenerateSerializer, Alias("actors.node-progress")]
public sealed record NodeProgress
{
    /// <summary>Where it is.</summary>
    [Id(0), JsonPropertyName("state")] public NodeState State { get; init; }

    /// <summary>Attempts started (the one in flight included).</summary>
    [Id(1), JsonPropertyName("attempts")] public int Attempts { get; init; }

    /// <summary>Attempts lost with their silo; they do not use up retries.</summary>
    [Id(2), JsonPropertyName("abandoned")] public int Abandoned { get; init; }

    /// <summary>When its first attempt started.</summary>
    [Id(3), JsonPropertyName("startedAt")] public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it reached its final state.</summary>
    [Id(4), JsonPropertyName("finishedAt")] public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>When the next attempt is due (a pending node waiting for its retry).</summary>
    [Id(5), JsonPropertyName("retryAt")] public DateTimeOffset? RetryAt { get; init; }

    /// <summary>Its output, JSON text.</summary>
    [Id(6), JsonPropertyName("output")] public string? OutputJson { get; init; }

    /// <summary>Why it failed or did not run.</summary>
    [Id(7), JsonPropertyName("error")] public string? Error { get; init; }

    /// <summary>True once it will not change again.</summary>
    [JsonIgnore] public bool IsFinal => State is not (NodeState.Pending or NodeState.Running);

    /// <summary>True when it is waiting to be started for the first time.</summary>
    [JsonIgnore] public bool NotStarted => State == NodeState.Pending && Attempts == 0;
}

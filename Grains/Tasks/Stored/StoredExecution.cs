using System.Text.Json.Serialization;

namespace Actors.Grains.Tasks.Stored;

/// <summary>How a task executes, as stored (see <see cref="StoredSpec"/>).</summary>
[GenerateSerializer, Immutable, Alias("actors.stored-execution")]
public sealed record StoredExecution
{
    /// <summary>See <see cref="ExecutionSpec.Executor"/>.</summary>
    [Id(0), JsonPropertyName("executor")] public string Executor { get; init; } = "";

    /// <summary>See <see cref="ExecutionSpec.Http"/>.</summary>
    [Id(1), JsonPropertyName("http")] public StoredHttpTarget? Http { get; init; }

    /// <summary>See <see cref="ExecutionSpec.TimeoutSeconds"/>.</summary>
    [Id(2), JsonPropertyName("timeoutSeconds")] public int TimeoutSeconds { get; init; }

    /// <summary>See <see cref="ExecutionSpec.MaxRetries"/>.</summary>
    [Id(3), JsonPropertyName("maxRetries")] public int MaxRetries { get; init; }

    /// <summary>See <see cref="ExecutionSpec.RetryBackoffSeconds"/>.</summary>
    [Id(4), JsonPropertyName("retryBackoffSeconds")] public double RetryBackoffSeconds { get; init; }

    /// <summary>See <see cref="ExecutionSpec.Overlap"/>.</summary>
    [Id(5), JsonPropertyName("overlap")] public OverlapPolicy Overlap { get; init; }

    /// <summary>See <see cref="ExecutionSpec.MaxConsecutiveFailures"/>.</summary>
    [Id(6), JsonPropertyName("maxConsecutiveFailures")] public int MaxConsecutiveFailures { get; init; }

    /// <summary>See <see cref="ExecutionSpec.Agent"/>.</summary>
    [Id(7), JsonPropertyName("agent")] public StoredAgentTarget? Agent { get; init; }

    /// <summary>See <see cref="ExecutionSpec.QueueTimeoutSeconds"/> (0 in rows written before agents: the default).</summary>
    [Id(8), JsonPropertyName("queueTimeoutSeconds")] public int QueueTimeoutSeconds { get; init; }
}

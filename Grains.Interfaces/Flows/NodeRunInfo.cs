namespace Actors.Grains;

/// <summary>One node in one cycle, as read.</summary>
[GenerateSerializer, Immutable, Alias("actors.node-run-info")]
public sealed record NodeRunInfo
{
    /// <summary>The node's id.</summary>
    [Id(0)] public string NodeId { get; init; } = "";

    /// <summary>Its type.</summary>
    [Id(1)] public string Type { get; init; } = "";

    /// <summary>Its component.</summary>
    [Id(2)] public int Component { get; init; }

    /// <summary>Its state.</summary>
    [Id(3)] public NodeState State { get; init; }

    /// <summary>Attempts started.</summary>
    [Id(4)] public int Attempts { get; init; }

    /// <summary><c>{flow_id}:{cycle}:{node_id}</c>.</summary>
    [Id(5)] public string RunId { get; init; } = "";

    /// <summary>When its first attempt started.</summary>
    [Id(6)] public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it reached its final state.</summary>
    [Id(7)] public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Its output as JSON text (up to 64 KB).</summary>
    [Id(8)] public string? OutputJson { get; init; }

    /// <summary>Why it failed or did not run.</summary>
    [Id(9)] public string? Error { get; init; }

    /// <summary>The flow (set when read by node id).</summary>
    [Id(10)] public string FlowId { get; init; } = "";

    /// <summary>The cycle (set when read by node id).</summary>
    [Id(11)] public long Cycle { get; init; }
}

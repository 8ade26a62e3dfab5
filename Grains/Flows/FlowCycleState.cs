using System.Text.Json.Serialization;

namespace Actors.Grains.Flows;

/// <summary>A cycle as its grain stores it: the definition snapshot it runs on and every node's progress.</summary>
[GenerateSerializer]
public sealed class FlowCycleState
{
    /// <summary>False until started.</summary>
    [Id(0), JsonPropertyName("exists")] public bool Exists { get; set; }

    /// <summary>The flow.</summary>
    [Id(1), JsonPropertyName("flowId")] public string FlowId { get; set; } = "";

    /// <summary>The cycle's number.</summary>
    [Id(2), JsonPropertyName("cycle")] public long Cycle { get; set; }

    /// <summary>What started it.</summary>
    [Id(3), JsonPropertyName("trigger")] public CycleTrigger Trigger { get; set; }

    /// <summary>When it started.</summary>
    [Id(4), JsonPropertyName("startedAt")] public DateTimeOffset StartedAt { get; set; }

    /// <summary>When it ended.</summary>
    [Id(5), JsonPropertyName("finishedAt")] public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Its state.</summary>
    [Id(6), JsonPropertyName("state")] public CycleState State { get; set; }

    /// <summary>The whole cycle was stopped.</summary>
    [Id(7), JsonPropertyName("stopped")] public bool Stopped { get; set; }

    /// <summary>Components stopped one by one.</summary>
    [Id(8), JsonPropertyName("stoppedComponents")] public List<int> StoppedComponents { get; set; } = [];

    /// <summary>The definition as it was when the cycle started.</summary>
    [Id(9), JsonPropertyName("definition")] public FlowDefinition Definition { get; set; } = new();

    /// <summary>Every node's progress, by node id.</summary>
    [Id(10), JsonPropertyName("nodes")] public Dictionary<string, NodeProgress> Nodes { get; set; } = new(StringComparer.Ordinal);
}

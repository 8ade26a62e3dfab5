using System.Text.Json.Serialization;
using Actors.Grains.Tasks.Stored;

namespace Actors.Grains.Flows;

/// <summary>
/// A validated flow graph, as stored by its flow and snapshotted by each cycle: nodes with their
/// component and the spec each runs with, and edges from output handles to input handles.
/// </summary>
[GenerateSerializer, Immutable, Alias("actors.flow-definition")]
public sealed record FlowDefinition
{
    /// <summary>Nodes in definition order.</summary>
    [Id(0), JsonPropertyName("nodes")] public FlowNodeDef[] Nodes { get; init; } = [];

    /// <summary>Edges in definition order.</summary>
    [Id(1), JsonPropertyName("edges")] public FlowEdgeDef[] Edges { get; init; } = [];

    /// <summary>How many weakly connected components the graph has.</summary>
    [Id(2), JsonPropertyName("components")] public int ComponentCount { get; init; }

    /// <summary>The node with this id, or null.</summary>
    public FlowNodeDef? Find(string nodeId) => Array.Find(Nodes, n => n.Id == nodeId);

    /// <summary>The components with their nodes, in definition order.</summary>
    public ComponentInfo[] Components() =>
        [.. Enumerable.Range(0, ComponentCount).Select(c => new ComponentInfo { Component = c, Nodes = [.. Nodes.Where(n => n.Component == c).Select(n => n.Id)] })];
}

/// <summary>One node of a <see cref="FlowDefinition"/>.</summary>
[GenerateSerializer, Immutable, Alias("actors.flow-node-def")]
public sealed record FlowNodeDef
{
    /// <summary>Its id, unique in the flow.</summary>
    [Id(0), JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary><c>log</c>, <c>http</c> or the task type of an agent node.</summary>
    [Id(1), JsonPropertyName("type")] public string Type { get; init; } = "";

    /// <summary>Runs once its upstream nodes finished in any state (<c>trigger: all_done</c>), not only when they all succeeded.</summary>
    [Id(2), JsonPropertyName("allDone")] public bool AllDone { get; init; }

    /// <summary>Its config object as JSON text.</summary>
    [Id(3), JsonPropertyName("config")] public string ConfigJson { get; init; } = "{}";

    /// <summary>Its component's number.</summary>
    [Id(4), JsonPropertyName("component")] public int Component { get; init; }

    /// <summary>How it runs: executor, webhook or agent command, timeout, retries.</summary>
    [Id(5), JsonPropertyName("spec")] public StoredSpec Spec { get; init; } = new();
}

/// <summary>One edge of a <see cref="FlowDefinition"/>.</summary>
[GenerateSerializer, Immutable, Alias("actors.flow-edge-def")]
public sealed record FlowEdgeDef
{
    /// <summary>The upstream node.</summary>
    [Id(0), JsonPropertyName("source")] public string Source { get; init; } = "";

    /// <summary>The property of the upstream output it carries; null: the whole output.</summary>
    [Id(1), JsonPropertyName("sourceHandle")] public string? SourceHandle { get; init; }

    /// <summary>The downstream node.</summary>
    [Id(2), JsonPropertyName("target")] public string Target { get; init; } = "";

    /// <summary>The key of the downstream node's inputs; null: the source node's id.</summary>
    [Id(3), JsonPropertyName("targetHandle")] public string? TargetHandle { get; init; }
}

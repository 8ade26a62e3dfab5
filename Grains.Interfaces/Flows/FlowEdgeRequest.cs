namespace Actors.Grains;

/// <summary>One entry of <c>flow_json.edges</c> as sent: from an output handle of one node to an input handle of another.</summary>
[GenerateSerializer, Immutable, Alias("actors.flow-edge-request")]
public sealed record FlowEdgeRequest
{
    /// <summary>Its position in <c>flow_json.edges</c>.</summary>
    [Id(0)] public int Index { get; init; }

    /// <summary>The upstream node.</summary>
    [Id(1)] public string? Source { get; init; }

    /// <summary>The property of the upstream output the edge carries (none: the whole output).</summary>
    [Id(2)] public string? SourceHandle { get; init; }

    /// <summary>The downstream node.</summary>
    [Id(3)] public string? Target { get; init; }

    /// <summary>The key of <c>inputs</c> the value arrives under (none: the source node's id).</summary>
    [Id(4)] public string? TargetHandle { get; init; }
}

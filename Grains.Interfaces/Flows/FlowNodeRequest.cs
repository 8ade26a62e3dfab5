namespace Actors.Grains;

/// <summary>One entry of <c>flow_json.nodes</c> as sent.</summary>
[GenerateSerializer, Immutable, Alias("actors.flow-node-request")]
public sealed record FlowNodeRequest
{
    /// <summary>Its position in <c>flow_json.nodes</c>.</summary>
    [Id(0)] public int Index { get; init; }

    /// <summary>Its id.</summary>
    [Id(1)] public string? Id { get; init; }

    /// <summary><c>log</c>, <c>http</c>, or a task type an agent accepts.</summary>
    [Id(2)] public string? Type { get; init; }

    /// <summary><c>all_success</c> (default) or <c>all_done</c>.</summary>
    [Id(3)] public string? Trigger { get; init; }

    /// <summary>Its config object as JSON text (<c>{}</c> when none).</summary>
    [Id(4)] public string ConfigJson { get; init; } = "{}";

    /// <summary>True when the entry was an empty object.</summary>
    [Id(5)] public bool Empty { get; init; }
}

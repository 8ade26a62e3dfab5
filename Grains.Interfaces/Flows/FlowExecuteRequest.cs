namespace Actors.Grains;

/// <summary>
/// <c>POST /api/v1/flows/execute</c> as the client sent it (seed 003): values as given, nothing
/// checked. The flow grain turns it into a definition or into every problem at once.
/// </summary>
[GenerateSerializer, Immutable, Alias("actors.flow-execute-request")]
public sealed record FlowExecuteRequest
{
    /// <summary>The flow's id.</summary>
    [Id(0)] public string? FlowId { get; init; }

    /// <summary><c>cycle_interval</c> as sent: <c>"1m"</c>, <c>"30s"</c>, <c>"1h30m"</c> or a number of seconds as text.</summary>
    [Id(1)] public string? CycleInterval { get; init; }

    /// <summary>The task schedule fields (schedule_mode, cron, at, windows, time_zone, task_end_time, overlap, ...).</summary>
    [Id(2)] public CreateTaskRequest Schedule { get; init; } = new();

    /// <summary>True when the request names a schedule at all (<c>cycle_interval</c> or a task schedule field).</summary>
    [Id(3)] public bool HasSchedule { get; init; }

    /// <summary>The nodes, in the order given; null when <c>flow_json.nodes</c> is missing.</summary>
    [Id(4)] public FlowNodeRequest[]? Nodes { get; init; }

    /// <summary>The edges, in the order given.</summary>
    [Id(5)] public FlowEdgeRequest[] Edges { get; init; } = [];

    /// <summary><c>flow_json</c> as sent, shown back in the flow's status.</summary>
    [Id(6)] public string FlowJson { get; init; } = "{}";

    /// <summary>What could not be read (a string where an object belongs, ...), reported with every other problem.</summary>
    [Id(7)] public FieldError[] ShapeErrors { get; init; } = [];
}

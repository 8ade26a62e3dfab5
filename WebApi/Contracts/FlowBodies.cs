using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.WebApi.Contracts;

/// <summary>
/// The body of <c>POST /api/v1/flows/execute</c> (seed 003), for the OpenAPI document; read by
/// <see cref="FlowRequestReader"/>, whose known fields are this record's properties (a test keeps them equal).
/// A schedule is cycle_interval or any task schedule.
/// </summary>
public sealed record FlowExecuteBody : ScheduleBody
{
    /// <summary>The flow (required).</summary>
    public string? FlowId { get; init; }

    /// <summary>Time between cycles: a duration such as "1m", or whole seconds.</summary>
    public JsonElement? CycleInterval { get; init; }

    /// <summary>The graph (a JSON string holding it is accepted too).</summary>
    public FlowDefinitionBody? FlowJson { get; init; }
}

/// <summary>A flow's graph.</summary>
/// <param name="Nodes">The nodes.</param>
/// <param name="Edges">The edges between node handles.</param>
public sealed record FlowDefinitionBody(FlowNodeBody[]? Nodes = null, FlowEdgeBody[]? Edges = null);

/// <summary>A node of a flow.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Type">Its type (see /api/v1/plugins).</param>
/// <param name="Trigger">How it is triggered.</param>
/// <param name="Config">Its type's settings.</param>
public sealed record FlowNodeBody(string? Id = null, string? Type = null, string? Trigger = null, JsonObject? Config = null);

/// <summary>An edge from one node's output handle to another's input handle.</summary>
/// <param name="Source">The upstream node.</param>
/// <param name="SourceHandle">Its output handle.</param>
/// <param name="Target">The downstream node.</param>
/// <param name="TargetHandle">Its input handle.</param>
public sealed record FlowEdgeBody(string? Source = null, string? SourceHandle = null, string? Target = null, string? TargetHandle = null);

/// <summary>The body of <c>POST /api/v1/nodes/execute</c> (seed 003); read by <see cref="FlowRequestReader.ReadNode"/>.</summary>
/// <param name="FlowId">The flow the node belongs to (required).</param>
/// <param name="NodeId">The node.</param>
/// <param name="NodeType">Its type.</param>
/// <param name="Trigger">How it is triggered.</param>
/// <param name="Config">Its type's settings.</param>
/// <param name="Cycle">The one-node cycle's number (one that already ran: 409); default the next.</param>
public sealed record NodeExecuteBody(
    string? FlowId = null, string? NodeId = null, string? NodeType = null, string? Trigger = null, JsonObject? Config = null, long? Cycle = null);

/// <summary>The optional body of <c>POST /api/v1/flows/{flowId}/cycles</c>.</summary>
/// <param name="Cycle">The cycle's number (one that already ran: 409); default the next.</param>
public sealed record StartCycleBody(long? Cycle = null);

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Actors.Grains;

namespace Actors.WebApi.Contracts;

/// <summary>Whether a flow's cycles run.</summary>
public enum FlowStatus
{
    /// <summary>Cycles run on the schedule.</summary>
    Active,

    /// <summary>No cycles run.</summary>
    Stopped,
}

/// <summary>A flow in a list.</summary>
/// <param name="FlowId">The flow.</param>
/// <param name="Status">Whether cycles run.</param>
/// <param name="Nodes">Its nodes.</param>
/// <param name="Components">Its components (independent parts of the graph).</param>
/// <param name="Schedule">When cycles run; null for a flow run by hand only.</param>
/// <param name="NextCycleAt">When the next cycle is due.</param>
/// <param name="RunningCycle">The cycle running now.</param>
/// <param name="LastCycle">The latest cycle.</param>
/// <param name="CreatedAt">When the flow was registered.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record FlowSummaryView(
    string FlowId, FlowStatus Status, int Nodes, int Components, FlowScheduleView? Schedule, string? NextCycleAt, long? RunningCycle,
    CycleView? LastCycle, string CreatedAt, string UpdatedAt);

/// <summary>A flow with its definition, components and latest cycles.</summary>
/// <param name="FlowId">The flow.</param>
/// <param name="Status">Whether cycles run.</param>
/// <param name="Nodes">Its nodes.</param>
/// <param name="Components">Its components and their nodes.</param>
/// <param name="Schedule">When cycles run.</param>
/// <param name="NextCycleAt">When the next cycle is due.</param>
/// <param name="RunningCycle">The cycle running now.</param>
/// <param name="LastCycle">The latest cycle.</param>
/// <param name="CreatedAt">When the flow was registered.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="FlowJson">The definition as registered.</param>
/// <param name="TriggerTaskId">The task that starts scheduled cycles.</param>
/// <param name="NodeRunsTaskId">The task whose run history holds the node runs.</param>
/// <param name="CycleCount">Cycles run so far.</param>
/// <param name="Cycles">The latest cycles, newest first.</param>
public sealed record FlowStatusView(
    string FlowId, FlowStatus Status, int Nodes, FlowComponentView[] Components, FlowScheduleView? Schedule, string? NextCycleAt,
    long? RunningCycle, CycleView? LastCycle, string CreatedAt, string UpdatedAt, JsonNode? FlowJson, Guid? TriggerTaskId,
    Guid NodeRunsTaskId, int CycleCount, CycleView[] Cycles);

/// <summary>A flow's component.</summary>
/// <param name="Component">Its number.</param>
/// <param name="Nodes">Its node ids.</param>
public sealed record FlowComponentView(int Component, string[] Nodes);

/// <summary>A flow's schedule, in the task schedule's words.</summary>
/// <param name="ScheduleMode">How cycles are scheduled.</param>
/// <param name="Interval">Seconds between cycles (interval mode only).</param>
/// <param name="Cron">The cron expression.</param>
/// <param name="At">Times of day (daily mode only).</param>
/// <param name="RunAt">The one cycle's time.</param>
/// <param name="TimeZone">The time zone.</param>
/// <param name="TaskEndTime">No cycle after this time, as sent.</param>
public sealed record FlowScheduleView(ScheduleMode ScheduleMode, int? Interval, string? Cron, string[]? At, string? RunAt, string TimeZone, string? TaskEndTime);

/// <summary>A cycle in a list.</summary>
/// <param name="Cycle">Its number.</param>
/// <param name="State">Its state.</param>
/// <param name="Trigger">What started it.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it finished.</param>
/// <param name="Nodes">Node count by node state.</param>
public sealed record CycleView(long Cycle, CycleState State, CycleTrigger Trigger, string StartedAt, string? FinishedAt, SortedDictionary<NodeState, int> Nodes);

/// <summary>A cycle with every node and component.</summary>
/// <param name="FlowId">The flow.</param>
/// <param name="Cycle">Its number.</param>
/// <param name="State">Its state.</param>
/// <param name="Trigger">What started it.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it finished.</param>
/// <param name="Components">Its components.</param>
/// <param name="Nodes">Its nodes.</param>
public sealed record CycleDetailView(
    string FlowId, long Cycle, CycleState State, CycleTrigger Trigger, string StartedAt, string? FinishedAt, CycleComponentView[] Components, NodeView[] Nodes);

/// <summary>A component of a cycle.</summary>
/// <param name="Component">Its number.</param>
/// <param name="State">Its state in the cycle.</param>
/// <param name="Nodes">Its node ids.</param>
public sealed record CycleComponentView(int Component, CycleState State, string[] Nodes);

/// <summary>One node of a cycle. A small output is shown as <c>output</c>; a large one as <c>output_excerpt</c> and <c>output_chars</c>.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Type">Its type.</param>
/// <param name="Component">Its component.</param>
/// <param name="State">Its state.</param>
/// <param name="Attempts">Attempts so far.</param>
/// <param name="RunId">Its run id.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it finished.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Output">Its output (absent when none or too large).</param>
/// <param name="OutputExcerpt">The start of a large output.</param>
/// <param name="OutputChars">A large output's length.</param>
public record NodeView(
    string NodeId, string Type, int Component, NodeState State, int Attempts, string RunId, string? StartedAt, string? FinishedAt, string? Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonPropertyOrder(1)] JsonElement? Output = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonPropertyOrder(1)] string? OutputExcerpt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonPropertyOrder(1)] int? OutputChars = null)
{
    /// <summary>Why it failed (written after the output).</summary>
    [JsonPropertyOrder(2)]
    public string? Error { get; init; } = Error;
}

/// <summary>The latest run of a node started with <c>POST /api/v1/nodes/execute</c>: its flow and cycle, then the node.</summary>
public sealed record NodeStatusView : NodeView
{
    /// <summary>A node of a cycle of a flow.</summary>
    public NodeStatusView(string flowId, long cycle, NodeView node)
        : base(node) => (FlowId, Cycle) = (flowId, cycle);

    /// <summary>The flow.</summary>
    [JsonPropertyOrder(-2)]
    public string FlowId { get; }

    /// <summary>The cycle.</summary>
    [JsonPropertyOrder(-1)]
    public long Cycle { get; }
}

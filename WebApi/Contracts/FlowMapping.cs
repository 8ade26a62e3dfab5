using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Grains;

namespace Actors.WebApi.Contracts;

/// <summary>Maps flows, cycles and nodes to their views.</summary>
public static class FlowMapping
{
    /// <summary>Outputs up to this size are shown as JSON; larger ones as an excerpt.</summary>
    private const int ShownOutputChars = 4096;

    /// <summary>A flow in a list.</summary>
    public static FlowSummaryView ToSummary(this FlowInfo flow) => new(
        flow.FlowId, Status(flow), flow.NodeCount, flow.Components.Length, flow.Schedule?.ToView(), WireJson.Time(flow.NextCycleAt),
        flow.RunningCycle, LastCycle(flow), WireJson.Time(flow.CreatedAt), WireJson.Time(flow.UpdatedAt));

    /// <summary>A flow with its definition, components and latest cycles.</summary>
    public static FlowStatusView ToStatus(this FlowInfo flow) => new(
        flow.FlowId, Status(flow), flow.NodeCount, [.. flow.Components.Select(c => new FlowComponentView(c.Component, c.Nodes))],
        flow.Schedule?.ToView(), WireJson.Time(flow.NextCycleAt), flow.RunningCycle, LastCycle(flow),
        WireJson.Time(flow.CreatedAt), WireJson.Time(flow.UpdatedAt), JsonNode.Parse(flow.FlowJson), flow.TriggerTaskId, flow.NodeRunsTaskId,
        flow.CycleCount, [.. flow.Cycles.Select(c => c.ToView())]);

    /// <summary>A cycle in a list.</summary>
    public static CycleView ToView(this CycleSummary cycle) => new(
        cycle.Cycle, cycle.State, cycle.Trigger, WireJson.Time(cycle.StartedAt), WireJson.Time(cycle.FinishedAt), new(cycle.NodeCounts));

    /// <summary>A cycle with every node and component.</summary>
    public static CycleDetailView ToView(this CycleInfo cycle) => new(
        cycle.FlowId, cycle.Summary.Cycle, cycle.Summary.State, cycle.Summary.Trigger, WireJson.Time(cycle.Summary.StartedAt), WireJson.Time(cycle.Summary.FinishedAt),
        [.. cycle.Components.Select(c => new CycleComponentView(c.Component, c.State, c.Nodes))], [.. cycle.Nodes.Select(n => n.ToView())]);

    /// <summary>One node of a cycle.</summary>
    public static NodeView ToView(this NodeRunInfo node)
    {
        var view = new NodeView(node.NodeId, node.Type, node.Component, node.State, node.Attempts, node.RunId,
            WireJson.Time(node.StartedAt), WireJson.Time(node.FinishedAt), node.Error);
        return node.OutputJson switch
        {
            { Length: <= ShownOutputChars } small => view with { Output = JsonSerializer.Deserialize<JsonElement>(small) },
            { } large => view with { OutputExcerpt = large[..ShownOutputChars], OutputChars = large.Length },
            null => view,
        };
    }

    private static FlowScheduleView ToView(this ScheduleSpec schedule) => new(
        schedule.Mode, schedule.Mode == ScheduleMode.Interval ? schedule.IntervalSeconds : null, schedule.Cron,
        schedule.Mode == ScheduleMode.Daily ? schedule.DailyAt : null, WireJson.Time(schedule.RunAt), schedule.TimeZone, schedule.TaskEndTime);

    private static FlowStatus Status(FlowInfo flow) => flow.Active ? FlowStatus.Active : FlowStatus.Stopped;

    private static CycleView? LastCycle(FlowInfo flow) => flow.Cycles.Length > 0 ? flow.Cycles[0].ToView() : null;
}

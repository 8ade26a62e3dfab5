using System.Text.Json.Nodes;
using Actors.Grains;

namespace Actors.WebApi.Contracts;

/// <summary>Maps flows, cycles and nodes to the API's snake_case JSON.</summary>
public static class FlowJson
{
    /// <summary>Outputs up to this size are shown as JSON; larger ones as an excerpt.</summary>
    private const int ShownOutputChars = 4096;

    /// <summary>A flow in a list.</summary>
    public static JsonObject Summary(FlowInfo flow) => new()
    {
        ["flow_id"] = flow.FlowId,
        ["status"] = flow.Active ? "active" : "stopped",
        ["nodes"] = flow.NodeCount,
        ["components"] = flow.Components.Length,
        ["schedule"] = Schedule(flow.Schedule),
        ["next_cycle_at"] = TaskJson.Time(flow.NextCycleAt),
        ["running_cycle"] = flow.RunningCycle,
        ["last_cycle"] = flow.Cycles.Length > 0 ? Cycle(flow.Cycles[0]) : null,
        ["created_at"] = TaskJson.Time(flow.CreatedAt),
        ["updated_at"] = TaskJson.Time(flow.UpdatedAt),
    };

    /// <summary>A flow with its definition, components and latest cycles.</summary>
    public static JsonObject Status(FlowInfo flow)
    {
        var json = Summary(flow);
        json["flow_json"] = JsonNode.Parse(flow.FlowJson);
        json["components"] = new JsonArray([.. flow.Components.Select(c => (JsonNode)new JsonObject { ["component"] = c.Component, ["nodes"] = Strings(c.Nodes) })]);
        json["trigger_task_id"] = flow.TriggerTaskId?.ToString();
        json["node_runs_task_id"] = flow.NodeRunsTaskId.ToString();
        json["cycle_count"] = flow.CycleCount;
        json["cycles"] = new JsonArray([.. flow.Cycles.Select(c => (JsonNode)Cycle(c))]);
        return json;
    }

    /// <summary>A cycle in a list.</summary>
    public static JsonObject Cycle(CycleSummary cycle) => new()
    {
        ["cycle"] = cycle.Cycle,
        ["state"] = TaskJson.SnakeName(cycle.State),
        ["trigger"] = TaskJson.SnakeName(cycle.Trigger),
        ["started_at"] = TaskJson.Time(cycle.StartedAt),
        ["finished_at"] = TaskJson.Time(cycle.FinishedAt),
        ["nodes"] = new JsonObject(cycle.NodeCounts.OrderBy(c => c.Key).Select(c => KeyValuePair.Create(TaskJson.SnakeName(c.Key), (JsonNode?)c.Value))),
    };

    /// <summary>A cycle with every node and component.</summary>
    public static JsonObject CycleDetail(CycleInfo cycle)
    {
        var json = Cycle(cycle.Summary);
        json.Remove("nodes");
        json.Insert(0, "flow_id", cycle.FlowId);
        json["components"] = new JsonArray([.. cycle.Components.Select(c => (JsonNode)new JsonObject
        {
            ["component"] = c.Component, ["state"] = TaskJson.SnakeName(c.State), ["nodes"] = Strings(c.Nodes),
        })]);
        json["nodes"] = new JsonArray([.. cycle.Nodes.Select(n => (JsonNode)Node(n))]);
        return json;
    }

    /// <summary>One node of a cycle.</summary>
    public static JsonObject Node(NodeRunInfo node)
    {
        var json = new JsonObject
        {
            ["node_id"] = node.NodeId,
            ["type"] = node.Type,
            ["component"] = node.Component,
            ["state"] = TaskJson.SnakeName(node.State),
            ["attempts"] = node.Attempts,
            ["run_id"] = node.RunId,
            ["started_at"] = TaskJson.Time(node.StartedAt),
            ["finished_at"] = TaskJson.Time(node.FinishedAt),
        };
        if (node.OutputJson is { Length: <= ShownOutputChars } small)
        {
            json["output"] = JsonNode.Parse(small);
        }
        else if (node.OutputJson is { } large)
        {
            json["output_excerpt"] = large[..ShownOutputChars];
            json["output_chars"] = large.Length;
        }

        json["error"] = node.Error;
        return json;
    }

    private static JsonObject? Schedule(ScheduleSpec? schedule) => schedule is null ? null : new JsonObject
    {
        ["schedule_mode"] = TaskJson.SnakeName(schedule.Mode),
        ["interval"] = schedule.Mode == ScheduleMode.Interval ? schedule.IntervalSeconds : null,
        ["cron"] = schedule.Cron,
        ["at"] = schedule.Mode == ScheduleMode.Daily ? Strings(schedule.DailyAt) : null,
        ["run_at"] = TaskJson.Time(schedule.RunAt),
        ["time_zone"] = schedule.TimeZone,
        ["task_end_time"] = schedule.TaskEndTime,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}

using System.Text.Json.Nodes;
using Actors.Cli.Output;
using Actors.Cli.Tasks;

namespace Actors.Cli.Flows;

/// <summary>How flow answers read in a terminal.</summary>
public static class FlowViews
{
    /// <summary>A page of <c>GET /api/v1/flows</c>: one row per flow, then how many of how many.</summary>
    public static void List(JsonNode page, TextWriter output) => PageView.Write(
        page, "flows", new TextTable("FLOW_ID", "STATUS", "NODES", "COMPONENTS", "SCHEDULE", "NEXT_CYCLE", "LAST_CYCLE"),
        flow => [
            JsonText.Cell(flow, "flow_id"), JsonText.Cell(flow, "status"), JsonText.Cell(flow, "nodes"), JsonText.Cell(flow, "components"),
            Schedule(flow?["schedule"]), JsonText.Cell(flow, "next_cycle_at"), LastCycle(flow?["last_cycle"]),
        ],
        output);

    /// <summary>
    /// <c>GET /api/v1/flows/{id}/status</c>: the flow's fields, its components and its last cycles
    /// (the definition itself only with <c>--json</c>).
    /// </summary>
    public static void Status(JsonNode flow, TextWriter output)
    {
        var fields = new TextTable("field", "value") { ShowHeader = false };
        fields.AddRow("flow_id:", JsonText.Cell(flow, "flow_id"));
        fields.AddRow("status:", JsonText.Cell(flow, "status"));
        fields.AddRow("schedule:", Schedule(flow["schedule"]));
        fields.AddRow("next_cycle_at:", JsonText.Cell(flow, "next_cycle_at"));
        fields.AddRow("running_cycle:", JsonText.Cell(flow, "running_cycle"));
        fields.AddRow("last_cycle:", LastCycle(flow["last_cycle"]));
        fields.AddRow("cycle_count:", JsonText.Cell(flow, "cycle_count"));
        fields.AddRow("nodes:", JsonText.Cell(flow, "nodes"));
        fields.AddRow("trigger_task_id:", JsonText.Cell(flow, "trigger_task_id"));
        fields.AddRow("node_runs_task_id:", JsonText.Cell(flow, "node_runs_task_id"));
        fields.AddRow("created_at:", JsonText.Cell(flow, "created_at"));
        fields.AddRow("updated_at:", JsonText.Cell(flow, "updated_at"));
        fields.WriteTo(output);

        if (flow["components"] is JsonArray { Count: > 0 } components)
        {
            output.WriteLine();
            var table = new TextTable("COMPONENT", "NODES");
            foreach (var component in components)
            {
                table.AddRow(JsonText.Cell(component, "component"), Join(component?["nodes"]));
            }

            table.WriteTo(output);
        }

        if (flow["cycles"] is JsonArray { Count: > 0 } cycles)
        {
            output.WriteLine();
            var table = CycleTable();
            foreach (var cycle in cycles)
            {
                table.AddRow(CycleRow(cycle));
            }

            table.WriteTo(output);
        }
    }

    /// <summary>A page of <c>GET /api/v1/flows/{id}/cycles</c>: one row per cycle, newest first, then how many of how many.</summary>
    public static void Cycles(JsonNode page, TextWriter output) => PageView.Write(page, "cycles", CycleTable(), CycleRow, output);

    /// <summary><c>GET /api/v1/flows/{id}/cycles/{n}</c>: the cycle's fields, then one row per node.</summary>
    public static void Cycle(JsonNode cycle, TextWriter output)
    {
        var fields = new TextTable("field", "value") { ShowHeader = false };
        fields.AddRow("flow_id:", JsonText.Cell(cycle, "flow_id"));
        fields.AddRow("cycle:", JsonText.Cell(cycle, "cycle"));
        fields.AddRow("state:", JsonText.Cell(cycle, "state"));
        fields.AddRow("trigger:", JsonText.Cell(cycle, "trigger"));
        fields.AddRow("started_at:", JsonText.Cell(cycle, "started_at"));
        fields.AddRow("finished_at:", JsonText.Cell(cycle, "finished_at"));
        fields.AddRow("components:", string.Join(", ", (cycle["components"] as JsonArray ?? []).Select(c => $"{JsonText.Cell(c, "component")} {JsonText.Cell(c, "state")}")));
        fields.WriteTo(output);

        var nodes = new TextTable("NODE", "COMPONENT", "STATE", "ATTEMPTS", "STARTED", "FINISHED", "ERROR");
        foreach (var node in cycle["nodes"] as JsonArray ?? [])
        {
            nodes.AddRow(
                JsonText.Cell(node, "node_id"), JsonText.Cell(node, "component"), JsonText.Cell(node, "state"), JsonText.Cell(node, "attempts"),
                JsonText.Cell(node, "started_at"), JsonText.Cell(node, "finished_at"), JsonText.Cell(node, "error"));
        }

        output.WriteLine();
        nodes.WriteTo(output);
    }

    /// <summary>The answer to execute: created or replaced, then what the server counted and when the first cycle is.</summary>
    public static void Executed(JsonNode answer, TextWriter output)
    {
        var created = answer["created"] is JsonValue value && value.TryGetValue<bool>(out var isNew) && isNew;
        output.WriteLine($"{(created ? "created" : "replaced")} flow {JsonText.Cell(answer, "flow_id")}");
        Fields(answer, "success", "message", "created", "flow_id").WriteTo(output);
    }

    /// <summary>The answer to run, stop, resume, stop-component or delete: the server's message, then its other fields.</summary>
    public static void Changed(JsonNode answer, TextWriter output)
    {
        output.WriteLine(JsonText.Cell(answer, "message") ?? "done");
        Fields(answer, "success", "message").WriteTo(output);
    }

    /// <summary>
    /// A flow's schedule in a few words, as a task's reads (<c>every 60s</c>, <c>cron 0 2 * * *</c>);
    /// <c>manual</c> when it has none (its cycles run only by hand).
    /// </summary>
    public static string Schedule(JsonNode? schedule) => schedule switch
    {
        null => "manual",
        JsonObject o when o["schedule_mode"] is not null => TaskViews.Schedule(o),
        _ => JsonText.Cell(schedule) ?? "manual",
    };

    /// <summary>A cycle summary in a few words: <c>3 succeeded</c>.</summary>
    public static string? LastCycle(JsonNode? cycle) => cycle is null ? null : $"{JsonText.Cell(cycle, "cycle")} {JsonText.Cell(cycle, "state")}";

    /// <summary>How many nodes of a cycle ended how (<c>succeeded 8, failed 1, upstream_failed 1</c>), leaving out the states no node is in.</summary>
    public static string NodeCounts(JsonNode? counts) => counts is JsonObject states
        ? string.Join(", ", states.Where(s => JsonText.Cell(s.Value) is { } n && n != "0").Select(s => $"{s.Key} {JsonText.Cell(s.Value)}"))
        : JsonText.Cell(counts) ?? "";

    private static TextTable CycleTable() => new("CYCLE", "STATE", "TRIGGER", "STARTED", "FINISHED", "NODES");

    private static string?[] CycleRow(JsonNode? cycle) =>
    [
        JsonText.Cell(cycle, "cycle"), JsonText.Cell(cycle, "state"), JsonText.Cell(cycle, "trigger"),
        JsonText.Cell(cycle, "started_at"), JsonText.Cell(cycle, "finished_at"), NodeCounts(cycle?["nodes"]),
    ];

    // Every field of an answer but the ones already shown, one per line.
    private static TextTable Fields(JsonNode answer, params string[] shown) =>
        JsonText.Fields(new JsonObject(
            (answer as JsonObject ?? []).Where(f => !shown.Contains(f.Key)).Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone()))));

    private static string Join(JsonNode? ids) => ids is JsonArray list ? string.Join(',', list.Select(i => JsonText.Cell(i))) : JsonText.Cell(ids) ?? "";
}

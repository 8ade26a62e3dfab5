using System.Text.Json.Nodes;
using Actors.Cli.Output;

namespace Actors.Cli.Tasks;

/// <summary>How task answers read in a terminal.</summary>
public static class TaskViews
{
    /// <summary>A page of <c>GET /api/v1/tasks/</c>: one row per task, then how many of how many.</summary>
    public static void List(JsonNode page, TextWriter output) => PageView.Write(
        page, "tasks", new TextTable("ID", "ACCOUNT", "STATUS", "SCHEDULE", "EXECUTOR", "ROUNDS", "NEXT_RUN"),
        task => [
            JsonText.Cell(task, "task_id"), JsonText.Cell(task, "account_id"), JsonText.Cell(task, "status"), Schedule(task),
            JsonText.Cell(task, "executor"), JsonText.Cell(task, "round_num"), JsonText.Cell(task, "next_execution_time"),
        ],
        output);

    /// <summary>One task: every field the server sent, one per line.</summary>
    public static void Detail(JsonNode task, TextWriter output)
    {
        if (task is JsonObject fields)
        {
            JsonText.Fields(fields).WriteTo(output);
        }
    }

    /// <summary>The answer to a create: the new task's id, then the task.</summary>
    public static void Created(JsonNode answer, TextWriter output)
    {
        output.WriteLine($"created task {JsonText.Cell(answer, "task_id")}");
        if (answer["task_info"] is { } task)
        {
            Detail(task, output);
        }
    }

    /// <summary>The answer to pause, resume, run or reorder: the server's message, the status and the next run.</summary>
    public static void Changed(JsonNode answer, TextWriter output)
    {
        output.WriteLine(JsonText.Cell(answer, "message") ?? "done");
        var table = new TextTable("field", "value") { ShowHeader = false };
        table.AddRow("task_id:", JsonText.Cell(answer, "task_id"));
        table.AddRow("status:", JsonText.Cell(answer, "status"));
        table.AddRow("next_execution_time:", JsonText.Cell(answer, "next_execution_time"));
        table.WriteTo(output);
    }

    /// <summary>The answer to a delete: the server's message.</summary>
    public static void Deleted(JsonNode answer, TextWriter output) =>
        output.WriteLine(JsonText.Cell(answer, "message") ?? $"deleted task {JsonText.Cell(answer, "task_id")}");

    /// <summary>A task's schedule in a few words: <c>every 60s 08:00-22:00</c>, <c>cron 0 2 * * *</c>, <c>daily 09:00,18:30</c>, <c>once 2026-...</c>.</summary>
    public static string Schedule(JsonNode? task)
    {
        var mode = JsonText.Cell(task, "schedule_mode");
        var zone = JsonText.Cell(task, "time_zone") is { } z && z != "UTC" ? " " + z : "";
        return mode switch
        {
            "interval" => $"every {JsonText.Cell(task, "interval")}s{Window(task?["time_slot"])}{zone}",
            "cron" => $"cron {JsonText.Cell(task, "cron")}{zone}",
            "daily" => $"daily {string.Join(',', (task?["at"] as JsonArray ?? new JsonArray()).Select(a => JsonText.Cell(a)))}{zone}",
            "once" => $"once {JsonText.Cell(task, "run_at") ?? "now"}",
            _ => mode ?? "",
        };
    }

    private static string Window(JsonNode? slot) =>
        JsonText.Cell(slot, "start_time") is { } start && JsonText.Cell(slot, "end_time") is { } end ? $" {start}-{end}" : "";
}

using System.Text.Json.Nodes;
using Actors.Cli.Output;

namespace Actors.Cli.Status;

/// <summary>How <c>actors status</c> reads: health and its checks, the service, the dispatcher, the silos.</summary>
public static class StatusView
{
    /// <summary>Writes what the server reported; a part it could not report is left out (its problem goes to stderr).</summary>
    public static void Write(JsonNode? health, JsonNode? status, JsonNode? dispatcher, TextWriter output)
    {
        var summary = new TextTable("field", "value") { ShowHeader = false };
        if (health is not null)
        {
            summary.AddRow("health:", $"{JsonText.Cell(health, "status")} at {JsonText.Cell(health, "timestamp")}");
            foreach (var (name, check) in health["checks"] as JsonObject ?? new JsonObject())
            {
                var error = JsonText.Cell(check?["details"], "error");
                summary.AddRow($"  {name}:", JsonText.Cell(check, "status") + (error is null ? "" : $" ({error})"));
            }
        }

        if (status is not null)
        {
            summary.AddRow("service:", $"{JsonText.Cell(status, "service")} {JsonText.Cell(status, "version")}, up {JsonText.Cell(status, "uptime_seconds")} s, storage {JsonText.Cell(status, "storage_mode")}");
        }

        if (dispatcher is not null)
        {
            var running = JsonText.Cell(dispatcher, "is_running") == "true" ? "running" : "stopped";
            summary.AddRow("dispatcher:", $"{running}; {JsonText.Cell(dispatcher, "total_tasks")} tasks: {JsonText.Cell(dispatcher, "pending_tasks")} pending, "
                + $"{JsonText.Cell(dispatcher, "running_tasks")} running, {JsonText.Cell(dispatcher, "paused_tasks")} paused, "
                + $"{JsonText.Cell(dispatcher, "completed_tasks")} completed, {JsonText.Cell(dispatcher, "error_tasks")} error");
        }

        summary.WriteTo(output);
        if (status?["silos"] is JsonArray { Count: > 0 } silos)
        {
            output.WriteLine();
            var table = new TextTable("SILO", "ADDRESS", "STATUS", "HOST", "STARTED");
            foreach (var silo in silos)
            {
                table.AddRow(JsonText.Cell(silo, "name"), JsonText.Cell(silo, "address"), JsonText.Cell(silo, "status"), JsonText.Cell(silo, "host_name"), JsonText.Cell(silo, "started_at"));
            }

            table.WriteTo(output);
        }
    }
}

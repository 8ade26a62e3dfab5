using System.Text.Json.Nodes;
using Actors.Cli.Output;

namespace Actors.Cli.Runs;

/// <summary>How run history reads in a terminal.</summary>
public static class RunViews
{
    /// <summary>A page of runs (a task's, or across tasks): one row per attempt, newest first, then how many of how many.</summary>
    public static void List(JsonNode page, TextWriter output) => PageView.Write(
        page, "runs", new TextTable("RUN_ID", "ATTEMPT", "OUTCOME", "SCHEDULED", "STARTED", "FINISHED", "SILO", "ERROR"),
        run => [
            JsonText.Cell(run, "run_id"), JsonText.Cell(run, "attempt"), JsonText.Cell(run, "outcome"), JsonText.Cell(run, "scheduled_at"),
            JsonText.Cell(run, "started_at"), JsonText.Cell(run, "finished_at"), JsonText.Cell(run, "silo"), JsonText.Cell(run, "error"),
        ],
        output);
}

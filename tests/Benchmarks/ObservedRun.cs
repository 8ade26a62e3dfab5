using System.Globalization;
using System.Text.Json.Nodes;

namespace Actors.Benchmarks;

/// <summary>One attempt from a task's run history (<c>GET /api/v1/tasks/{id}/runs</c>).</summary>
public sealed record ObservedRun(string TaskId, string RunId, long Round, int Attempt, string Outcome, DateTimeOffset ScheduledAt, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Silo, string Trigger, string? Error = null)
{
    /// <summary>Whether the attempt ended in a final outcome of the executor (not running, skipped or abandoned).</summary>
    public bool IsFinal => Outcome is "succeeded" or "failed" or "timed_out";

    /// <summary>
    /// How many slots a <c>skipped</c> record counts (its error reads "Slot skipped: ..." or "N slots
    /// skipped: ..."; its scheduled time is the first of them); 0 for any other record.
    /// </summary>
    public long SkippedSlots
    {
        get
        {
            if (Outcome != "skipped")
            {
                return 0;
            }

            var words = (Error ?? "").Split(' ', 3);
            return words.Length >= 2 && words[1] == "slots" && long.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 1;
        }
    }

    /// <summary>Reads one element of the <c>runs</c> array.</summary>
    public static ObservedRun From(string taskId, JsonNode run) => new(
        taskId,
        run["run_id"]!.GetValue<string>(),
        run["round"]!.GetValue<long>(),
        run["attempt"]!.GetValue<int>(),
        run["outcome"]!.GetValue<string>(),
        Time(run["scheduled_at"]) ?? default,
        Time(run["started_at"]) ?? default,
        Time(run["finished_at"]),
        run["silo"]?.GetValue<string>() ?? "",
        run["trigger"]?.GetValue<string>() ?? "",
        run["error"]?.GetValue<string>());

    private static DateTimeOffset? Time(JsonNode? node) =>
        node?.GetValue<string>() is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal) : null;
}

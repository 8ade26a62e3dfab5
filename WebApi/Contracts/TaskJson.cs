using System.Text.Json.Nodes;
using Actors.Grains;

namespace Actors.WebApi.Contracts;

/// <summary>Maps grain results to the seed's snake_case JSON.</summary>
public static class TaskJson
{
    /// <summary>A task as the API shows it (list items and detail alike).</summary>
    public static JsonObject From(TaskInfo task)
    {
        var spec = task.Spec;
        var schedule = spec.Schedule;
        var execution = spec.Execution;
        var window = schedule.Window;
        return new JsonObject
        {
            ["task_id"] = task.TaskId.ToString(),
            ["name"] = spec.Name,
            ["account_id"] = spec.AccountId,
            ["account_name"] = spec.AccountName,
            ["task_type"] = spec.TaskType,
            ["sys_type"] = spec.SysType,
            ["executor"] = execution.Executor,
            ["priority"] = Name(spec.Priority),
            ["status"] = Name(task.Status),
            ["schedule_mode"] = Name(schedule.Mode),
            ["interval"] = schedule.IntervalSeconds,
            ["valid_time_range"] = window is { StartMinute: var start, EndMinute: var end } && start % 60 == 0 && end % 60 == 0 ? new JsonArray(start / 60, end / 60) : null,
            ["time_slot"] = window is null ? null : new JsonObject { ["start_time"] = Clock(window.StartMinute), ["end_time"] = Clock(window.EndMinute) },
            ["cron"] = schedule.Cron,
            ["at"] = new JsonArray([.. schedule.DailyAt.Select(a => (JsonNode?)a)]),
            ["run_at"] = Time(schedule.RunAt),
            ["time_zone"] = schedule.TimeZone,
            ["start_time"] = Time(schedule.StartTime),
            ["task_end_time"] = schedule.TaskEndTime,
            ["round_num"] = task.RoundNum,
            ["kwargs"] = JsonNode.Parse(spec.KwargsJson),
            ["last_execution_time"] = Time(task.LastExecutionTime),
            ["next_execution_time"] = Time(task.NextExecutionTime),
            ["created_at"] = Time(task.CreatedAt),
            ["updated_at"] = Time(task.UpdatedAt),
            ["running_since"] = Time(task.RunningSince),
            ["missed_runs"] = task.MissedRuns,
            ["consecutive_failures"] = task.ConsecutiveFailures,
            ["last_run"] = task.LastRun is null ? null : Run(task.LastRun),
            ["timeout_seconds"] = execution.TimeoutSeconds,
            ["max_retries"] = execution.MaxRetries,
            ["overlap"] = execution.Overlap == OverlapPolicy.Skip ? "skip" : "queue_one",
            ["max_consecutive_failures"] = execution.MaxConsecutiveFailures,
            ["queue_timeout_seconds"] = execution.Agent is null ? null : execution.QueueTimeoutSeconds,

            // Environment values may be credentials: their names only.
            ["agent"] = execution.Agent is not { } agent ? null : new JsonObject
            {
                ["labels"] = new JsonArray([.. agent.Labels.Select(l => JsonValue.Create(l))]),
                ["command"] = new JsonArray([.. agent.Command.Select(c => JsonValue.Create(c))]),
                ["working_dir"] = agent.WorkingDir.Length > 0 ? agent.WorkingDir : null,
                ["env_names"] = new JsonArray([.. agent.Env.Keys.Order(StringComparer.Ordinal).Select(k => JsonValue.Create(k))]),
            },
        };
    }

    /// <summary>A run record.</summary>
    public static JsonObject Run(RunRecord run) => new()
    {
        ["run_id"] = run.RunId,
        ["task_id"] = run.TaskId.ToString(),
        ["round"] = run.Round,
        ["attempt"] = run.Attempt,
        ["scheduled_at"] = Time(run.ScheduledAt),
        ["started_at"] = Time(run.StartedAt),
        ["finished_at"] = Time(run.FinishedAt),
        ["outcome"] = SnakeName(run.Outcome),
        ["error"] = run.Error,
        ["output"] = run.Output,
        ["silo"] = run.Silo,
        ["trigger"] = SnakeName(run.Trigger),
    };

    /// <summary>An instant as ISO 8601 UTC with Z.</summary>
    public static string? Time(DateTimeOffset? instant) => instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>An enum member's wire name: <c>TimedOut</c> is <c>timed_out</c>.</summary>
    public static string SnakeName<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>Minutes after midnight (0–1440) as <c>HH:mm</c>; 1440 is <c>24:00</c>.</summary>
    private static string Clock(int minuteOfDay) => $"{minuteOfDay / 60:00}:{minuteOfDay % 60:00}";
}

using System.Text.Json.Nodes;
using Actors.Grains;

namespace Actors.WebApi.Contracts;

/// <summary>Maps tasks and runs to their views.</summary>
public static class TaskMapping
{
    /// <summary>A task as the API shows it.</summary>
    public static TaskView ToView(this TaskInfo task)
    {
        var spec = task.Spec;
        var schedule = spec.Schedule;
        var execution = spec.Execution;
        var window = schedule.Window;
        return new TaskView(
            task.TaskId, spec.Name, spec.AccountId, spec.AccountName, spec.TaskType, spec.SysType, execution.Executor,
            spec.Priority, task.Status, schedule.Mode, schedule.IntervalSeconds,
            window is { StartMinute: var start, EndMinute: var end } && start % 60 == 0 && end % 60 == 0 ? [start / 60, end / 60] : null,
            window is null ? null : new TimeSlotView(Clock(window.StartMinute), Clock(window.EndMinute)),
            schedule.Cron, schedule.DailyAt, WireJson.Time(schedule.RunAt), schedule.TimeZone, WireJson.Time(schedule.StartTime), schedule.TaskEndTime,
            task.RoundNum, JsonNode.Parse(spec.KwargsJson),
            WireJson.Time(task.LastExecutionTime), WireJson.Time(task.NextExecutionTime), WireJson.Time(task.CreatedAt), WireJson.Time(task.UpdatedAt),
            WireJson.Time(task.RunningSince), task.MissedRuns, task.ConsecutiveFailures, task.LastRun?.ToView(),
            execution.TimeoutSeconds, execution.MaxRetries, execution.Overlap, execution.MaxConsecutiveFailures,
            execution.Agent is null ? null : execution.QueueTimeoutSeconds,
            execution.Agent is not { } agent ? null : new TaskAgentView(
                agent.Labels, agent.Command, agent.WorkingDir.Length > 0 ? agent.WorkingDir : null, [.. agent.Env.Keys.Order(StringComparer.Ordinal)]));
    }

    /// <summary>A run record.</summary>
    public static RunView ToView(this RunRecord run) => new(
        run.RunId, run.TaskId, run.Round, run.Attempt, WireJson.Time(run.ScheduledAt), WireJson.Time(run.StartedAt), WireJson.Time(run.FinishedAt),
        run.Outcome, run.Error, run.Output, run.Silo, run.Trigger);

    /// <summary>Minutes after midnight (0–1440) as <c>HH:mm</c>; 1440 is <c>24:00</c>.</summary>
    private static string Clock(int minuteOfDay) => $"{minuteOfDay / 60:00}:{minuteOfDay % 60:00}";
}

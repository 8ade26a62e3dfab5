using System.Text.Json.Nodes;
using Actors.Grains;

namespace Actors.WebApi.Contracts;

/// <summary>A task as the API shows it (list items and detail alike). Times are UTC strings (<see cref="WireJson.Time(DateTimeOffset)"/>).</summary>
/// <param name="TaskId">The task id.</param>
/// <param name="Name">The task's name.</param>
/// <param name="AccountId">The account the task belongs to (one active task per account).</param>
/// <param name="AccountName">The account's display name.</param>
/// <param name="TaskType">The task type.</param>
/// <param name="SysType">The system type.</param>
/// <param name="Executor">The executor: log, http, agent, ...</param>
/// <param name="Priority">The priority.</param>
/// <param name="Status">The task's status.</param>
/// <param name="ScheduleMode">How runs are scheduled.</param>
/// <param name="Interval">Seconds between runs (interval mode).</param>
/// <param name="ValidTimeRange">The daily window as whole hours [start, end], when it is on whole hours.</param>
/// <param name="TimeSlot">The daily window, if any.</param>
/// <param name="Cron">The cron expression (cron mode).</param>
/// <param name="At">Times of day (daily mode).</param>
/// <param name="RunAt">The one run's time (once mode).</param>
/// <param name="TimeZone">The schedule's time zone.</param>
/// <param name="StartTime">No run before this time.</param>
/// <param name="TaskEndTime">No run after this time, as sent.</param>
/// <param name="RoundNum">Rounds run so far.</param>
/// <param name="Kwargs">The task's free arguments.</param>
/// <param name="LastExecutionTime">When the last run started.</param>
/// <param name="NextExecutionTime">When the next run is due.</param>
/// <param name="CreatedAt">When the task was created.</param>
/// <param name="UpdatedAt">When the task last changed.</param>
/// <param name="RunningSince">When the run in flight started.</param>
/// <param name="MissedRuns">Runs skipped because they came too late.</param>
/// <param name="ConsecutiveFailures">Failed rounds in a row.</param>
/// <param name="LastRun">The last run.</param>
/// <param name="TimeoutSeconds">A run's time limit.</param>
/// <param name="MaxRetries">Retries of a failed run.</param>
/// <param name="Overlap">What a run that comes due while one is running does.</param>
/// <param name="MaxConsecutiveFailures">Failed rounds in a row before the task stops with status error.</param>
/// <param name="QueueTimeoutSeconds">How long an agent run waits for an agent (agent tasks only).</param>
/// <param name="Agent">The agent target (agent tasks only).</param>
public sealed record TaskView(
    Guid TaskId, string Name, string AccountId, string AccountName, string TaskType, string SysType, string Executor,
    TaskPriority Priority, ScheduledTaskStatus Status, ScheduleMode ScheduleMode, int Interval, int[]? ValidTimeRange, TimeSlotView? TimeSlot,
    string? Cron, string[] At, string? RunAt, string TimeZone, string? StartTime, string? TaskEndTime, long RoundNum, JsonNode? Kwargs,
    string? LastExecutionTime, string? NextExecutionTime, string CreatedAt, string UpdatedAt, string? RunningSince, long MissedRuns,
    int ConsecutiveFailures, RunView? LastRun, int TimeoutSeconds, int MaxRetries, OverlapPolicy Overlap, int MaxConsecutiveFailures,
    int? QueueTimeoutSeconds, TaskAgentView? Agent);

/// <summary>A daily window as <c>HH:mm</c> times; an end of <c>24:00</c> is midnight.</summary>
/// <param name="StartTime">The window opens.</param>
/// <param name="EndTime">The window closes (before the start: the window spans midnight).</param>
public sealed record TimeSlotView(string StartTime, string EndTime);

/// <summary>Where an agent task runs. Environment values may be credentials: only their names are shown.</summary>
/// <param name="Labels">Labels an agent must have.</param>
/// <param name="Command">Program and arguments.</param>
/// <param name="WorkingDir">The working directory, if set.</param>
/// <param name="EnvNames">Names of the environment variables set for the run.</param>
public sealed record TaskAgentView(string[] Labels, string[] Command, string? WorkingDir, string[] EnvNames);

/// <summary>One attempt of a run.</summary>
/// <param name="RunId">The run id.</param>
/// <param name="TaskId">The task.</param>
/// <param name="Round">The task's round.</param>
/// <param name="Attempt">The attempt, from 1.</param>
/// <param name="ScheduledAt">When the run was due.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it finished (null while running).</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Output">What it returned.</param>
/// <param name="Silo">The silo that ran it.</param>
/// <param name="Trigger">What started it.</param>
public sealed record RunView(
    string RunId, Guid TaskId, long Round, int Attempt, string ScheduledAt, string StartedAt, string? FinishedAt,
    RunOutcome Outcome, string? Error, string? Output, string Silo, RunTrigger Trigger);

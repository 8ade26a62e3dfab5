using System.Text.Json.Serialization;
using Actors.Grains;

namespace Actors.WebApi.Contracts;

/// <summary>The answer to <c>POST /api/v1/tasks</c>.</summary>
/// <param name="Success">Always true (failures are problem details).</param>
/// <param name="TaskId">The new task.</param>
/// <param name="Message">What happened.</param>
/// <param name="TaskInfo">The new task.</param>
public sealed record CreateTaskResponse(bool Success, Guid TaskId, string Message, TaskView TaskInfo);

/// <summary>A page of tasks.</summary>
/// <param name="Total">Tasks matching the filter.</param>
/// <param name="Tasks">This page.</param>
public sealed record TaskListView(long Total, TaskView[] Tasks);

/// <summary>An account's tasks.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Total">Its tasks.</param>
/// <param name="Tasks">This page.</param>
public sealed record AccountTasksView(string AccountId, long Total, TaskView[] Tasks);

/// <summary>The answer to a task command (pause, resume, run now).</summary>
/// <param name="Success">Always true (failures are problem details).</param>
/// <param name="Message">What happened.</param>
/// <param name="TaskId">The task id as sent.</param>
/// <param name="Status">The task's status now.</param>
/// <param name="NextExecutionTime">When the next run is due.</param>
/// <param name="TaskInfo">The task now.</param>
public record TaskCommandResponse(bool Success, string Message, string TaskId, ScheduledTaskStatus? Status, string? NextExecutionTime, TaskView? TaskInfo);

/// <summary>The answer to <c>POST /api/v1/tasks/{id}/reorder</c>: a command's answer and the moved run's time.</summary>
public sealed record ReorderTaskResponse : TaskCommandResponse
{
    /// <summary>A command's answer with the moved run's time.</summary>
    public ReorderTaskResponse(TaskCommandResponse command, string? newNextExecutionTime)
        : base(command) => NewNextExecutionTime = newNextExecutionTime;

    /// <summary>When the next run is due now (written last).</summary>
    [JsonPropertyOrder(1)]
    public string? NewNextExecutionTime { get; }
}

/// <summary>The answer to <c>DELETE /api/v1/tasks/{id}</c>.</summary>
/// <param name="Success">Always true.</param>
/// <param name="Message">What happened.</param>
/// <param name="TaskId">The task id as sent.</param>
public sealed record DeleteTaskResponse(bool Success, string Message, string TaskId);

/// <summary>A page of one task's runs, newest first.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Total">Its runs (the unwritten ones in memory included).</param>
/// <param name="Runs">This page.</param>
/// <param name="NextCursor">Give as cursor for the next page; null on the last.</param>
public sealed record TaskRunsView(Guid TaskId, long Total, RunView[] Runs, string? NextCursor);

/// <summary>A page of finished runs across tasks, newest first.</summary>
/// <param name="Total">Matching runs, counted up to a limit.</param>
/// <param name="TotalIsLowerBound">True when there are more than total.</param>
/// <param name="Runs">This page.</param>
/// <param name="NextCursor">Give as cursor for the next page; null on the last.</param>
public sealed record RunListView(long Total, bool TotalIsLowerBound, RunView[] Runs, string? NextCursor);

/// <summary>The answer to a command that only says what happened.</summary>
/// <param name="Success">Always true (failures are problem details).</param>
/// <param name="Message">What happened.</param>
public sealed record MessageResponse(bool Success, string Message);

namespace Actors.Grains.Tasks;

/// <summary>
/// Whether an operator's command may change a task in its current state, and the answer when it
/// may not or has nothing to do (null: go ahead). Pure: the task grain applies what is allowed.
/// <paramref name="info"/> arguments give the task's public view for answers that carry it.
/// </summary>
public static class TaskCommandRules
{
    /// <summary>Create: refused when the id is taken (now or by a deleted task) or when the schedule ends before its first run (<paramref name="first"/> null).</summary>
    public static CommandResult? Create(TaskState state, Guid taskId, DateTimeOffset? first, Func<TaskInfo> info) =>
        state.Exists ? CommandResult.Conflict($"Task '{taskId}' already exists.", info())
        : state.Deleted ? CommandResult.Conflict($"Task id '{taskId}' belonged to a deleted task and is not used again.")
        : first is null ? CommandResult.Invalid([new FieldError("task_end_time", "The task would end before its first run; give a later task_end_time or an earlier start.")])
        : null;

    /// <summary>Pause: refused for a missing or completed task, nothing to do when already paused.</summary>
    public static CommandResult? Pause(TaskState state, Guid taskId, Func<TaskInfo> info) => StatusOf(state) switch
    {
        null => CommandResult.NotFound(taskId),
        ScheduledTaskStatus.Paused => CommandResult.Ok("Task is already paused.", info()),
        ScheduledTaskStatus.Completed => CommandResult.Conflict("Task is completed; there is nothing to pause.", info()),
        _ => null,
    };

    /// <summary>Resume: refused for a missing or completed task, nothing to do when it is not paused (or in error).</summary>
    public static CommandResult? Resume(TaskState state, Guid taskId, Func<TaskInfo> info) => StatusOf(state) switch
    {
        null => CommandResult.NotFound(taskId),
        ScheduledTaskStatus.Completed => CommandResult.Conflict("Task is completed; create a new task instead.", info()),
        ScheduledTaskStatus.Pending or ScheduledTaskStatus.Running => CommandResult.Ok("Task is not paused.", info()),
        _ => null,
    };

    /// <summary>Reorder: only a pending task with a next run, not while a run is in flight, by at most ten years.</summary>
    public static CommandResult? Reorder(TaskState state, Guid taskId, long offsetSeconds, Func<TaskInfo> info) =>
        !state.Exists ? CommandResult.NotFound(taskId)
        : Math.Abs(offsetSeconds) > ScheduleChanges.MaxReorderSeconds ? CommandResult.Invalid([new FieldError("priority_offset",
            $"priority_offset must be between -{ScheduleChanges.MaxReorderSeconds} and {ScheduleChanges.MaxReorderSeconds} seconds (ten years); got {offsetSeconds}.")])
        : state.InFlight is not null ? CommandResult.Conflict("Task is running; reorder it after the run has finished.", info())
        : state.Status != ScheduledTaskStatus.Pending || state.NextRunAt is null
            ? CommandResult.Conflict($"Only a pending task can be reordered; this task is {state.Status.ToString().ToLowerInvariant()}.", info())
        : null;

    /// <summary>Run now: refused for a missing or completed task and while a run is in flight (the dispatcher is asked separately).</summary>
    public static CommandResult? RunNow(TaskState state, Guid taskId, Func<TaskInfo> info) =>
        !state.Exists ? CommandResult.NotFound(taskId)
        : state.Status == ScheduledTaskStatus.Completed ? CommandResult.Conflict("Task is completed; create a new task to run it again.", info())
        : state.InFlight is not null ? CommandResult.Conflict("Task is already running.", info())
        : null;

    private static ScheduledTaskStatus? StatusOf(TaskState state) => state.Exists ? state.Status : null;
}

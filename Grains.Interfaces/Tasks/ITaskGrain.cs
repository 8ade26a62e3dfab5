namespace Actors.Grains;

/// <summary>
/// One scheduled task. It owns its state and its durable reminder; it wakes at every due time,
/// runs its executor without blocking its own calls, and records every run.
/// </summary>
[Alias("actors.ITaskGrain")]
public interface ITaskGrain : IGrainWithGuidKey
{
    /// <summary>Creates the task from a validated spec. Called by the account grain, which owns the one-task rule.</summary>
    [Alias("create")]
    Task<CommandResult> CreateAsync(TaskSpec spec);

    /// <summary>The task as it is now, or null when it does not exist.</summary>
    [Alias("get"), AlwaysInterleave]
    Task<TaskInfo?> GetAsync();

    /// <summary>Deletes the task, its reminder and its history; frees its account.</summary>
    [Alias("delete")]
    Task<CommandResult> DeleteAsync();

    /// <summary>Stops scheduling until resumed. A run in flight finishes.</summary>
    [Alias("pause")]
    Task<CommandResult> PauseAsync();

    /// <summary>Schedules the first slot at or after now; also re-enables a task in error.</summary>
    [Alias("resume")]
    Task<CommandResult> ResumeAsync();

    /// <summary>Moves the next run by <paramref name="offsetSeconds"/> (negative: earlier). Refused while running.</summary>
    [Alias("reorder")]
    Task<CommandResult> ReorderAsync(long offsetSeconds);

    /// <summary>Starts a run now, outside the schedule.</summary>
    [Alias("run-now")]
    Task<CommandResult> RunNowAsync();

    /// <summary>
    /// The runs this task holds in memory: its attempt in flight (outcome <c>running</c>) and
    /// finished records not yet written to the run history, newest first; null when there is no
    /// such task. The run history (<see cref="IRunQueryGrain"/>) has the rest.
    /// </summary>
    [Alias("live-runs"), AlwaysInterleave]
    Task<RunRecord[]?> GetLiveRunsAsync();

    /// <summary>
    /// Runs what is due now (once, per the misfire rules) or lines the reminder up again. Called when
    /// the dispatcher starts and by the overdue sweep; harmless when nothing is due.
    /// </summary>
    [Alias("wake")]
    Task WakeAsync();
}

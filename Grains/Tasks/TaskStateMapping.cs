namespace Actors.Grains.Tasks;

/// <summary>Maps the stored state to what callers may see.</summary>
public static class TaskStateMapping
{
    /// <summary>The public view of the task.</summary>
    public static TaskInfo ToInfo(this TaskState state, Guid taskId) => new()
    {
        TaskId = taskId,
        Spec = state.Spec,
        Status = state.Status,
        RoundNum = state.RoundNum,
        LastExecutionTime = state.LastExecutionTime,
        NextExecutionTime = state.Retry?.DueAt ?? state.NextRunAt,
        CreatedAt = state.CreatedAt,
        UpdatedAt = state.UpdatedAt,
        LastRun = state.Runs.LastOrDefault(r => r.Outcome != RunOutcome.Running),
        ConsecutiveFailures = state.ConsecutiveFailures,
        Version = state.Version,
        MissedRuns = state.MissedRuns,
        RunningSince = state.InFlight?.StartedAt,
    };
}

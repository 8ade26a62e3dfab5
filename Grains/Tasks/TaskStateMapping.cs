using Actors.Grains.Tasks.Stored;

namespace Actors.Grains.Tasks;

/// <summary>Maps the stored state to what callers may see.</summary>
public static class TaskStateMapping
{
    /// <summary>The public view of the task (<paramref name="spec"/>: its spec, already mapped from the state).</summary>
    public static TaskInfo ToInfo(this TaskState state, Guid taskId, TaskSpec spec) => new()
    {
        TaskId = taskId,
        Spec = spec,
        Status = state.Status,
        RoundNum = state.RoundNum,
        LastExecutionTime = state.LastExecutionTime,
        NextExecutionTime = state.Retry?.DueAt ?? state.NextRunAt,
        CreatedAt = state.CreatedAt,
        UpdatedAt = state.UpdatedAt,
        LastRun = state.LastRun?.ToWire(taskId),
        ConsecutiveFailures = state.ConsecutiveFailures,
        Version = state.Version,
        MissedRuns = state.MissedRuns,
        RunningSince = state.InFlight?.StartedAt,
    };

    /// <summary>The public view of the task with its stored <paramref name="spec"/>.</summary>
    public static TaskInfo ToInfo(this TaskState state, Guid taskId, StoredSpec spec) => state.ToInfo(taskId, spec.ToWire());
}

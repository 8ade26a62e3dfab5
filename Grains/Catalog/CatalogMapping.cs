using Actors.Grains.Tasks.Stored;

namespace Actors.Grains.Catalog;

/// <summary>Maps <see cref="TaskInfo"/> to its catalog row and back.</summary>
public static class CatalogMapping
{
    /// <summary>The catalog row of a task.</summary>
    public static CatalogEntry ToEntry(this TaskInfo task) => new()
    {
        TaskId = task.TaskId,
        Spec = task.Spec.ToStored(),
        Status = task.Status,
        RoundNum = task.RoundNum,
        LastExecutionTime = task.LastExecutionTime,
        NextExecutionTime = task.NextExecutionTime,
        CreatedAt = task.CreatedAt,
        UpdatedAt = task.UpdatedAt,
        LastRun = task.LastRun?.ToStored(),
        ConsecutiveFailures = task.ConsecutiveFailures,
        Version = task.Version,
        MissedRuns = task.MissedRuns,
        RunningSince = task.RunningSince,
    };

    /// <summary>The task a catalog row describes.</summary>
    public static TaskInfo ToInfo(this CatalogEntry entry) => new()
    {
        TaskId = entry.TaskId,
        Spec = entry.Spec.ToWire(),
        Status = entry.Status,
        RoundNum = entry.RoundNum,
        LastExecutionTime = entry.LastExecutionTime,
        NextExecutionTime = entry.NextExecutionTime,
        CreatedAt = entry.CreatedAt,
        UpdatedAt = entry.UpdatedAt,
        LastRun = entry.LastRun?.ToWire(entry.TaskId),
        ConsecutiveFailures = entry.ConsecutiveFailures,
        Version = entry.Version,
        MissedRuns = entry.MissedRuns,
        RunningSince = entry.RunningSince,
    };

    /// <summary>
    /// The row brought up to <paramref name="progress"/> (the due row's progress, read as a row
    /// with only those fields) when that is newer, with <paramref name="lastRun"/> when known.
    /// </summary>
    public static CatalogEntry With(this CatalogEntry entry, CatalogEntry? progress, StoredRun? lastRun)
    {
        var current = progress is null || progress.UpdatedAt < entry.UpdatedAt ? entry
            : progress with { TaskId = entry.TaskId, Spec = entry.Spec, CreatedAt = entry.CreatedAt, LastRun = entry.LastRun };
        return lastRun is null ? current : current with { LastRun = lastRun };
    }
}

using Actors.Grains.Tasks.Stored;

namespace Actors.Grains.History;

/// <summary>
/// The run history: every finished attempt and every record of skipped slots, append-only, kept
/// per task up to a count and an age (<see cref="RunHistoryOptions"/>). Written in batches off the
/// grains' turns; a write is idempotent per (task, start, run id, attempt), so a record written
/// again after a crash never makes a second row.
/// </summary>
public interface IRunHistory
{
    /// <summary>Queues <paramref name="runs"/> of a task to be written with others; completes once they are durable.</summary>
    Task WriteAsync(Guid taskId, string accountId, IReadOnlyList<StoredRun> runs);

    /// <summary>The record of one attempt (started at <paramref name="startedAt"/>), or null when the history does not have it.</summary>
    Task<StoredRun?> FindAsync(Guid taskId, DateTimeOffset startedAt, string runId, int attempt);

    /// <summary>A page of runs, newest first.</summary>
    Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken = default);
}

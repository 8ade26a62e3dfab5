namespace Actors.Grains.Catalog;

/// <summary>
/// The queryable copy of every task's public state, written by the task grains. Grain state is the
/// truth; the catalog can be rebuilt from it. Writes are ordered by the time of the change they
/// carry (<see cref="TaskInfo.UpdatedAt"/>): a write that is not newer than the stored one is
/// ignored, so a late write never overwrites a newer one, and a task that starts over from older
/// stored state (after a crash) still writes newer rows.
/// </summary>
public interface ITaskCatalog
{
    /// <summary>
    /// Stores the task's state if its change (<see cref="TaskInfo.UpdatedAt"/>) is newer than the stored one, and
    /// the silo hosting it (<paramref name="host"/>, when known) even at the same version. Completes once durable.
    /// </summary>
    Task UpsertAsync(TaskInfo task, string? host = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues the task's state to be stored soon (within a fraction of a second), coalesced with
    /// its other changes and other tasks' into one write. For the frequent run transitions of a
    /// pending or running task: a change lost with a crashed silo is repaired by the task's next
    /// change, or by the wake-up the overdue sweep gives it. A store may then write only what a
    /// run changes (progress and due time); <paramref name="whole"/> asks for the whole row (a task
    /// that just arrived on this silo, or a row found stale).
    /// </summary>
    void Post(TaskInfo task, string host, bool whole = false);

    /// <summary>Removes the task (a tombstone as of <paramref name="deletedAt"/>, so a late upsert cannot bring it back).</summary>
    Task RemoveAsync(Guid taskId, DateTimeOffset deletedAt, CancellationToken cancellationToken = default);

    /// <summary>A page, oldest first (created_at, then id), and the true total of the filter.</summary>
    Task<TaskPage> ListAsync(TaskQuery query, CancellationToken cancellationToken = default);

    /// <summary>Tasks per status.</summary>
    Task<StatusCounts> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> pending or running tasks whose next run is before <paramref name="before"/>, most overdue first.</summary>
    Task<Guid[]> OverdueAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> pending or running tasks last hosted on <paramref name="silo"/>
    /// with an id after <paramref name="after"/>, in id order (to wake them elsewhere when it died).
    /// </summary>
    Task<Guid[]> HostedOnAsync(string silo, Guid after, int limit, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> tasks whose status is running.</summary>
    Task<RunningTask[]> RunningAsync(int limit, CancellationToken cancellationToken = default);
}

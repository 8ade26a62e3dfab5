using System.Collections.Concurrent;

namespace Actors.Grains.Catalog;

/// <summary>The catalog for a single-process test cluster: the same contract as the PostgreSQL one, in memory.</summary>
public sealed class InMemoryTaskCatalog : ITaskCatalog
{
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    /// <inheritdoc />
    public Task UpsertAsync(TaskInfo task, string? host = null, CancellationToken cancellationToken = default)
    {
        _entries.AddOrUpdate(
            task.TaskId,
            _ => new Entry(task, task.UpdatedAt.UtcTicks, Deleted: false, host),
            (_, existing) => existing.Version < task.UpdatedAt.UtcTicks ? new Entry(task, task.UpdatedAt.UtcTicks, Deleted: false, host ?? existing.Host)
                : existing.Version == task.UpdatedAt.UtcTicks && host is not null ? existing with { Host = host }
                : existing);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Post(TaskInfo task, string host, bool whole = false) => UpsertAsync(task, host);

    /// <inheritdoc />
    public Task RemoveAsync(Guid taskId, DateTimeOffset deletedAt, CancellationToken cancellationToken = default)
    {
        var version = deletedAt.UtcTicks;
        _entries.AddOrUpdate(
            taskId,
            _ => new Entry(null, version, Deleted: true, null),
            (_, existing) => existing.Version < version ? new Entry(null, version, Deleted: true, null) : existing);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<TaskPage> ListAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        var matching = Live()
            .Where(t => query.AccountId is null || t.Spec.AccountId == query.AccountId)
            .Where(t => query.Status is null || t.Status == query.Status)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.TaskId)
            .ToList();
        return Task.FromResult(new TaskPage
        {
            Total = matching.Count,
            Tasks = [.. matching.Skip(query.Offset).Take(query.Limit)],
        });
    }

    /// <inheritdoc />
    public Task<StatusCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        var byStatus = Live().GroupBy(t => t.Status).ToDictionary(g => g.Key, g => (long)g.Count());
        long Of(ScheduledTaskStatus s) => byStatus.GetValueOrDefault(s);
        return Task.FromResult(new StatusCounts
        {
            Pending = Of(ScheduledTaskStatus.Pending),
            Running = Of(ScheduledTaskStatus.Running),
            Paused = Of(ScheduledTaskStatus.Paused),
            Completed = Of(ScheduledTaskStatus.Completed),
            Error = Of(ScheduledTaskStatus.Error),
        });
    }

    /// <inheritdoc />
    public Task<Guid[]> OverdueAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult(Live()
            .Where(t => t.Status is ScheduledTaskStatus.Pending or ScheduledTaskStatus.Running && t.NextExecutionTime < before)
            .OrderBy(t => t.NextExecutionTime)
            .Take(limit)
            .Select(t => t.TaskId)
            .ToArray());

    /// <inheritdoc />
    public Task<Guid[]> HostedOnAsync(string silo, Guid after, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult(_entries.Values
            .Where(e => !e.Deleted && e.Host == silo && e.Task!.Status is ScheduledTaskStatus.Pending or ScheduledTaskStatus.Running && e.Task.TaskId.CompareTo(after) > 0)
            .Select(e => e.Task!.TaskId)
            .Order()
            .Take(limit)
            .ToArray());

    /// <inheritdoc />
    public Task<RunningTask[]> RunningAsync(int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult(Live()
            .Where(t => t.Status == ScheduledTaskStatus.Running)
            .OrderBy(t => t.RunningSince)
            .Take(limit)
            .Select(t => new RunningTask(t.TaskId, t.Spec.AccountId, t.RunningSince))
            .ToArray());

    private IEnumerable<TaskInfo> Live() => _entries.Values.Where(e => !e.Deleted).Select(e => e.Task!);

    private sealed record Entry(TaskInfo? Task, long Version, bool Deleted, string? Host);
}

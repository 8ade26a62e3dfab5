using System.Collections.Concurrent;
using Actors.Grains.Tasks.Stored;
using Microsoft.Extensions.Options;

namespace Actors.Grains.History;

/// <summary>The run history of a single-process test cluster: the same contract as the PostgreSQL one, in memory.</summary>
public sealed class InMemoryRunHistory(IOptions<RunHistoryOptions> options, TimeProvider clock) : IRunHistory
{
    private readonly ConcurrentDictionary<(Guid TaskId, DateTimeOffset StartedAt, string RunId, int Attempt), Entry> _runs = new();

    /// <inheritdoc />
    public Task WriteAsync(Guid taskId, string accountId, IReadOnlyList<StoredRun> runs)
    {
        foreach (var run in runs)
        {
            _runs.TryAdd((taskId, run.StartedAt, run.RunId, run.Attempt), new Entry(taskId, accountId, run));
        }

        Prune(taskId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<StoredRun?> FindAsync(Guid taskId, DateTimeOffset startedAt, string runId, int attempt) =>
        Task.FromResult(_runs.TryGetValue((taskId, startedAt, runId, attempt), out var entry) ? entry.Run : null);

    /// <inheritdoc />
    public Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        var cursor = query.Cursor is { } token ? RunCursor.Decode(token) : null;
        var matching = _runs.Values
            .Where(e => (query.TaskId is null || e.TaskId == query.TaskId)
                && (query.AccountId is null || e.AccountId == query.AccountId)
                && (query.Outcome is null || e.Run.Outcome == query.Outcome)
                && (query.Since is null || e.Run.StartedAt >= query.Since)
                && (query.Until is null || e.Run.StartedAt < query.Until))
            .OrderByDescending(e => e.Run.StartedAt).ThenByDescending(e => e.Run.RunId, StringComparer.Ordinal).ThenByDescending(e => e.Run.Attempt)
            .ToList();
        var page = (cursor is null ? matching.Skip(query.Offset) : matching.Where(e => cursor.IsBefore(e.Run.StartedAt, e.Run.RunId, e.Run.Attempt)))
            .Take(query.Limit + 1)
            .ToList();
        var more = page.Count > query.Limit;
        var runs = page.Take(query.Limit).Select(e => e.Run.ToWire(e.TaskId)).ToArray();
        return Task.FromResult(new RunPage
        {
            Total = Math.Min(matching.Count, RunPage.CountLimit),
            TotalIsLowerBound = matching.Count > RunPage.CountLimit,
            Runs = runs,
            NextCursor = more ? new RunCursor(runs[^1].StartedAt, runs[^1].RunId, runs[^1].Attempt).Encode() : null,
        });
    }

    private void Prune(Guid taskId)
    {
        var oldest = clock.GetUtcNow() - options.Value.MaxAge;
        var ofTask = _runs.Where(r => r.Key.TaskId == taskId).OrderByDescending(r => r.Key.StartedAt).ToList();
        foreach (var (key, _) in ofTask.Skip(options.Value.MaxRunsPerTask).Concat(ofTask.Where(r => r.Key.StartedAt < oldest)))
        {
            _runs.TryRemove(key, out _);
        }
    }

    private sealed record Entry(Guid TaskId, string AccountId, StoredRun Run);
}

using System.Collections.Concurrent;

namespace Actors.Benchmarks;

/// <summary>
/// The run histories of many tasks, read over the API and merged by (run id, attempt): a later
/// read of an attempt replaces an earlier one, and an attempt that has fallen out of the kept
/// history (the last 100 per task) stays as it was last seen.
/// </summary>
public sealed class RunHistory
{
    private readonly ConcurrentDictionary<(string RunId, int Attempt), ObservedRun> _runs = new();

    /// <summary>Every attempt seen so far, as last seen.</summary>
    public IReadOnlyCollection<ObservedRun> Runs => [.. _runs.Values];

    /// <summary>Reads the last <paramref name="limit"/> attempts of every task and merges them in; failures are counted, not thrown.</summary>
    public async Task<HistorySweep> SweepAsync(HttpClient http, IReadOnlyList<string> taskIds, int limit, int concurrency = 32)
    {
        var seen = new ConcurrentBag<ObservedRun>();
        var failed = 0;
        await Load.RunAsync(taskIds.Count, concurrency, async i =>
        {
            var answer = await Load.TrySendAsync(http, HttpMethod.Get, $"/api/v1/tasks/{taskIds[i]}/runs?limit={limit}");
            if (!answer.Ok || answer.Body?["runs"] is not { } runs)
            {
                Interlocked.Increment(ref failed);
                return;
            }

            foreach (var node in runs.AsArray())
            {
                var run = ObservedRun.From(taskIds[i], node!);
                seen.Add(run);
                _runs[(run.RunId, run.Attempt)] = run;
            }
        });
        return new HistorySweep([.. seen], failed);
    }

    /// <summary>
    /// Abandoned attempts, and which of them were retried: an abandoned attempt of run X counts as
    /// retried when a later attempt of X ended with a final outcome (succeeded, failed, timed out).
    /// An example of one that was not shows the later attempts seen and what
    /// <paramref name="describeTask"/> says of its task (e.g. that it was paused by the client).
    /// </summary>
    public Dictionary<string, object> Abandonments(Func<string, string>? describeTask = null, int examples = 5)
    {
        var all = Runs;
        var byRun = all.ToLookup(r => r.RunId, StringComparer.Ordinal);
        var abandoned = all.Where(r => r.Outcome == "abandoned").ToList();
        var notRetried = abandoned.Where(a => !byRun[a.RunId].Any(r => r.Attempt > a.Attempt && r.IsFinal)).ToList();
        return new Dictionary<string, object>
        {
            ["abandoned"] = abandoned.Count,
            ["retried"] = abandoned.Count - notRetried.Count,
            ["not_retried"] = notRetried.Count,
            ["not_retried_examples"] = notRetried.Take(examples).Select(r =>
            {
                var later = byRun[r.RunId].Where(l => l.Attempt > r.Attempt).OrderBy(l => l.Attempt).Select(l => $"{l.Attempt} {l.Outcome}").ToList();
                var task = describeTask?.Invoke(r.TaskId);
                return $"{r.RunId} attempt {r.Attempt} on {r.Silo} at {r.StartedAt:HH:mm:ss}; later attempts: {(later.Count == 0 ? "none" : string.Join(", ", later))}"
                    + (string.IsNullOrEmpty(task) ? "" : $"; task: {task}");
            }).ToArray(),
        };
    }
}

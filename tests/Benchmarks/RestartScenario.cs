using System.Globalization;
using System.Text.Json.Nodes;

namespace Actors.Benchmarks;

/// <summary>
/// Full-cluster crash: the silo(s) and the Web API, all owned by this program, run N webhook tasks
/// every 10 s (10 % answered after 3 s, so runs are in flight at the kill; 3 retries). After they
/// have run 40 s every one of those processes gets SIGKILL from one kill(1) (PostgreSQL keeps
/// running), and they are started again at once as ops/run would on the same data: silos first,
/// on their old ports, then the Web API on its port. Watched for 60 s after the silo processes
/// started: /health, every task firing again, tasks lost, runs abandoned and retried, and rounds
/// the receiver answered 2xx twice (each must show an <c>abandoned</c> attempt: the answer came
/// but was not recorded before the kill, so the round was retried by design).
/// </summary>
public static class RestartScenario
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RunBefore = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan Observe = TimeSpan.FromSeconds(60);

    /// <summary>Runs it.</summary>
    public static async Task<Dictionary<string, object>> RunAsync(HttpClient http, BenchOptions options)
    {
        BenchOptions.Require("restart", ("--root", options.Root), ("--data", options.Data), ("--postgres", options.Postgres));
        var siloCount = Math.Max(1, options.Silos);

        // Started first so it is stopped last: the silos' runs in flight at the end still get answers.
        await using var receiver = await Receiver.StartAsync();
        await using var silos = new OwnedSilos(options, siloCount);
        await using var api = new OwnedWebApi(options);
        for (var i = 0; i < siloCount; i++)
        {
            silos.Start(i);
        }

        api.Start();
        if (!await ClusterHealth.WaitForClusterAsync(http, siloCount, TimeSpan.FromMinutes(3)))
        {
            throw new InvalidOperationException($"the cluster did not become healthy with {siloCount} active silos; see {options.Data}/logs");
        }

        var n = options.TasksOr(1000);
        var prefix = "restart-" + Guid.NewGuid().ToString("N")[..6];
        var firstSlot = DateTimeOffset.UtcNow.AddSeconds(10 + (n / 300.0));
        var ids = new string?[n];
        var failures = 0;
        var createTime = await Load.RunAsync(n, 32, async i =>
        {
            try
            {
                ids[i] = await Load.CreateAsync(http, Load.WebhookTask($"{prefix}-{i}", receiver.UrlOf(i % 10 == 0 ? "/slow" : "/hook"), Interval, firstSlot.AddMilliseconds(i * Interval.TotalMilliseconds / n)));
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref failures);
            }
        });
        string[] taskIds = [.. ids.OfType<string>()];
        Console.Error.WriteLine($"[bench] created {taskIds.Length} tasks in {createTime.TotalSeconds:0.0} s ({failures} failed)");
        var created = DateTimeOffset.UtcNow;
        var log = new ChaosLog(firstSlot);
        await Load.DelayUntilAsync((created > firstSlot ? created : firstSlot) + RunBefore);

        // The power cut: every process of the cluster at once.
        ChildProcess[] victims = [.. silos.Running, .. api.Process is { HasExited: false } p ? [p] : Array.Empty<ChildProcess>()];
        var killAt = DateTimeOffset.UtcNow;
        ChildProcess.SignalGroups("KILL", victims);
        var gone = await Task.WhenAll(victims.Select(async v => await v.WaitForGroupExitAsync(TimeSpan.FromSeconds(10)) && await v.WaitForExitAsync(TimeSpan.FromSeconds(10))));
        var deadAt = DateTimeOffset.UtcNow;
        log.Add($"kill -9 of {string.Join(", ", victims.Select(v => $"{v.Name} (pid {v.Pid})"))}: all gone {gone.All(g => g)} after {(deadAt - killAt).TotalMilliseconds:0} ms");

        // As ops/run: silos first, then the Web API, on the same data and ports.
        var siloStart = DateTimeOffset.UtcNow;
        for (var i = 0; i < siloCount; i++)
        {
            silos.Start(i);
        }

        api.Start();
        log.Add("silos and Web API started again");
        var (healthAt, healthStatus) = await WaitForHealth200Async(http, siloStart, TimeSpan.FromMinutes(2));
        log.Add(healthAt is { } h ? $"/health 200 ({healthStatus}) {(h - siloStart).TotalSeconds:0.0} s after the silo process started" : "/health not 200 within 2 minutes");

        while (DateTimeOffset.UtcNow < siloStart + Observe && receiver.FirstDeliveriesSince(taskIds, siloStart).Count < taskIds.Length)
        {
            await Task.Delay(500);
        }

        var allFiredAt = DateTimeOffset.UtcNow;
        await Load.DelayUntilAsync(siloStart + Observe);
        var end = DateTimeOffset.UtcNow;
        var history = new RunHistory();
        var final = await history.SweepAsync(http, taskIds, 100);
        var statuses = await TaskStatuses.ReadAsync(http, taskIds);
        var silosSeen = await Load.SilosAsync(http);

        var deliveries = receiver.Deliveries.ToArray();
        var fired = receiver.FirstDeliveriesSince(taskIds, siloStart);
        var firedAfter = new Latencies();
        foreach (var at in fired.Values)
        {
            firedAfter.Add((at - siloStart).TotalSeconds);
        }

        var runs = history.Runs;
        var abandonedRunIds = runs.Where(r => r.Outcome == "abandoned").Select(r => r.RunId).ToHashSet(StringComparer.Ordinal);
        var inFlight = runs.Where(r => r.Attempt >= 1 && r.StartedAt < killAt && (r.FinishedAt is null || r.FinishedAt > killAt)).ToList();
        var cutOff = deliveries.Where(d => d.Status == 499 && d.ArrivedAt < killAt).Select(d => d.RunId).Distinct(StringComparer.Ordinal).ToList();
        var twice = deliveries.Where(d => d.Answered2xx).GroupBy(d => d.RunId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var (_, twiceExamples) = ChaosChecks.DoubleSuccesses(deliveries, runs, firstSlot);
        var unexplained = twice.Where(r => !abandonedRunIds.Contains(r)).ToList();
        var abandonments = history.Abandonments(t => $"now {statuses.GetValueOrDefault(t, "?")}");
        // How long after the silo process started each abandoned attempt's next attempt began.
        var retryAfter = new Latencies();
        foreach (var abandoned in runs.Where(r => r.Outcome == "abandoned"))
        {
            var next = runs.Where(r => r.RunId == abandoned.RunId && r.Attempt > abandoned.Attempt).OrderBy(r => r.Attempt).FirstOrDefault();
            if (next is not null)
            {
                retryAfter.Add((next.StartedAt - siloStart).TotalSeconds);
            }
        }

        var stuck = final.Runs.Where(r => r.Outcome == "running" && r.StartedAt < end - TimeSpan.FromSeconds(30)).ToList();
        return new Dictionary<string, object>
        {
            ["tasks"] = taskIds.Length,
            ["create_failures"] = failures,
            ["silos"] = siloCount,
            ["interval_s"] = Interval.TotalSeconds,
            ["slow_tasks"] = Enumerable.Range(0, n).Count(i => ids[i] is not null && i % 10 == 0),
            ["kill_at_s"] = Math.Round((killAt - firstSlot).TotalSeconds, 1),
            ["killed_processes"] = victims.Length,
            ["kill_to_all_gone_ms"] = Math.Round((deadAt - killAt).TotalMilliseconds),
            ["kill_to_silo_start_ms"] = Math.Round((siloStart - killAt).TotalMilliseconds),
            ["health_200_after_silo_start_s"] = healthAt is { } ok ? Math.Round((ok - siloStart).TotalSeconds, 1) : -1,
            ["health_status_then"] = healthStatus ?? "",
            ["all_fired_again_after_silo_start_s"] = fired.Count == taskIds.Length ? Math.Round(firedAfter.Max, 1) : -1,
            ["fired_again_p50_s"] = Math.Round(firedAfter.Percentile(50), 1),
            ["fired_again_p90_s"] = Math.Round(firedAfter.Percentile(90), 1),
            ["tasks_not_fired_again"] = taskIds.Length - fired.Count,
            ["tasks_not_fired_again_examples"] = taskIds.Where(t => !fired.ContainsKey(t)).Take(5).ToArray(),
            ["tasks_lost"] = statuses.Count(s => s.Value == "lost"),
            ["tasks_unreadable"] = statuses.Count(s => s.Value == "unreadable"),
            ["tasks_by_status"] = statuses.GroupBy(s => s.Value).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            ["in_flight_at_kill"] = inFlight.Count,
            ["in_flight_at_kill_outcomes"] = inFlight.GroupBy(r => r.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            ["abandoned_runs"] = abandonments["abandoned"],
            ["abandoned_retried"] = abandonments["retried"],
            ["abandoned_not_retried"] = abandonments["not_retried"],
            ["abandoned_not_retried_examples"] = abandonments["not_retried_examples"],
            ["abandoned_retry_started_after_silo_start_p50_s"] = Math.Round(retryAfter.Percentile(50), 1),
            ["abandoned_retry_started_after_silo_start_max_s"] = Math.Round(retryAfter.Max, 1),
            ["slow_cut_off_at_kill"] = cutOff.Count,
            ["slow_cut_off_with_abandoned_attempt"] = cutOff.Count(abandonedRunIds.Contains),
            ["rounds_succeeded_twice"] = twice.Count,
            ["rounds_succeeded_twice_with_abandoned_attempt"] = twice.Count - unexplained.Count,
            ["rounds_succeeded_twice_unexplained"] = unexplained.Count,
            ["rounds_succeeded_twice_examples"] = twiceExamples,
            ["stuck_running"] = stuck.Count,
            ["stuck_running_examples"] = stuck.Take(5).Select(r => $"{r.RunId} attempt {r.Attempt} on {r.Silo} since {r.StartedAt:HH:mm:ss.fff}").ToArray(),
            ["histories_unreadable"] = final.Failed,
            ["runs_by_outcome"] = runs.GroupBy(r => r.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            ["silos_after"] = silosSeen?.Values.GroupBy(s => $"{s.Name} {s.Status}").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count())
                ?? new Dictionary<string, int>(),
            ["deliveries"] = deliveries.Length,
            ["observed_s"] = Math.Round((end - siloStart).TotalSeconds, 1),
            ["all_fired_seen_at_s"] = Math.Round((allFiredAt - siloStart).TotalSeconds, 1),
            ["events"] = log.Events,
            ["targets"] = "health_200_after_silo_start_s < 20; all_fired_again_after_silo_start_s < 20; tasks_lost 0; "
                + "abandoned_not_retried 0; rounds_succeeded_twice_unexplained 0; stuck_running 0",
        };
    }

    /// <summary>Polls /health every 100 ms: when it first answered 200, and the status it gave.</summary>
    private static async Task<(DateTimeOffset? At, string? Status)> WaitForHealth200Async(HttpClient http, DateTimeOffset from, TimeSpan within)
    {
        while (DateTimeOffset.UtcNow < from + within)
        {
            var answer = await Load.TrySendAsync(http, HttpMethod.Get, "/health");
            if (answer.Ok)
            {
                return (DateTimeOffset.UtcNow, answer.Body?["status"]?.GetValue<string>());
            }

            await Task.Delay(100);
        }

        return (null, null);
    }
}

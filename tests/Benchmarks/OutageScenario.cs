using System.Globalization;
using System.Text.Json.Nodes;

namespace Actors.Benchmarks;

/// <summary>
/// Database outage: the silo(s) and the Web API ops/bench started, N webhook tasks every 2 s (10 %
/// answered after 1 s, so some runs are in flight when the database goes). After they have run
/// 30 s, a few tasks are paused and a few created (each acknowledged), then PostgreSQL is shut down
/// (immediate) for D seconds while the API is probed one call at a time every 250 ms: health, list,
/// get, create, pause, dispatcher status, status. Then it is started again and watched for 60 s:
/// health, every task firing again, runs left running, rounds answered 2xx twice, what became of
/// the slots that came due meanwhile (run once as a catch-up or counted as skipped, never
/// replayed), and whether the acknowledged writes survived.
/// </summary>
public static class OutageScenario
{
    private const int WritesBefore = 5;
    private const int PauseTargets = 5;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RunBefore = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ProbeEvery = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Observe = TimeSpan.FromSeconds(60);

    /// <summary>Runs it.</summary>
    public static async Task<Dictionary<string, object>> RunAsync(HttpClient http, BenchOptions options)
    {
        BenchOptions.Require("outage", ("--root", options.Root), ("--data", options.Data));
        await using var receiver = await Receiver.StartAsync();
        var n = options.TasksOr(100);
        var prefix = "outage-" + Guid.NewGuid().ToString("N")[..6];
        var firstSlot = DateTimeOffset.UtcNow.AddSeconds(5 + (n / 300.0));
        var ids = new string?[n];
        var starts = new DateTimeOffset[n];
        var failures = 0;
        var createTime = await Load.RunAsync(n, 16, async i =>
        {
            starts[i] = firstSlot.AddMilliseconds(i * Interval.TotalMilliseconds / n);
            try
            {
                ids[i] = await Load.CreateAsync(http, Load.WebhookTask($"{prefix}-{i}", receiver.UrlOf(i % 10 == 0 ? "/lag" : "/hook"), Interval, starts[i]));
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref failures);
            }
        });
        var probeTargets = new List<string>();
        for (var k = 0; k < PauseTargets; k++)
        {
            probeTargets.Add(await Load.CreateAsync(http, ApiScenario.Task(prefix + "-probe", k)));
        }

        Console.Error.WriteLine($"[bench] created {ids.Count(i => i is not null)} tasks in {createTime.TotalSeconds:0.0} s ({failures} failed)");
        var log = new ChaosLog(firstSlot);
        var created = DateTimeOffset.UtcNow;
        await Load.DelayUntilAsync((created > firstSlot ? created : firstSlot) + RunBefore);

        // Acknowledged right before the outage: these must survive it.
        var pausedBefore = Enumerable.Range(0, n).Where(i => ids[i] is not null && i % 10 == 5).Take(WritesBefore).Select(i => ids[i]!).ToArray();
        var pausesAcknowledged = new List<string>();
        foreach (var id in pausedBefore)
        {
            var answer = await Load.TrySendAsync(http, HttpMethod.Post, $"/api/v1/tasks/{id}/pause");
            if (answer.Ok)
            {
                pausesAcknowledged.Add(id);
            }
            else
            {
                log.Add($"pause of {id} before the outage answered {answer.Status}");
            }
        }

        var createdBefore = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        for (var k = 0; k < WritesBefore; k++)
        {
            var start = DateTimeOffset.UtcNow.AddSeconds(1);
            try
            {
                createdBefore[await Load.CreateAsync(http, Load.WebhookTask($"{prefix}-new-{k}", receiver.Url, Interval, start))] = start;
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TaskCanceledException)
            {
                log.Add($"create before the outage failed: {ex.Message}");
            }
        }

        log.Add($"acknowledged right before the outage: {pausesAcknowledged.Count} pauses, {createdBefore.Count} creates");
        var pg = new PostgresControl(options.Root, options.Data);
        var down = DateTimeOffset.UtcNow;
        var stopExit = await pg.StopImmediateAsync();
        var stopped = DateTimeOffset.UtcNow;
        log.Add($"PostgreSQL stopped (immediate; pg_ctl exit {stopExit})");
        var readTarget = Enumerable.Range(0, n).Where(i => ids[i] is not null && i % 10 is not (0 or 5)).Select(i => ids[i]!).First();
        using var prober = new OutageProber(options.Api, readTarget, probeTargets, k => ApiScenario.Task(prefix + "-during", k));
        var probes = await prober.ProbeUntilAsync(down + TimeSpan.FromSeconds(options.OutageSeconds), ProbeEvery);
        var aliveAtOutageEnd = Alive(options);
        log.Add($"end of the outage; processes alive: {string.Join(", ", aliveAtOutageEnd.Select(a => $"{a.Key} {a.Value}"))}");

        var startIssued = DateTimeOffset.UtcNow;
        var startExit = -1;
        for (var attempt = 1; attempt <= 5 && startExit != 0; attempt++)
        {
            startExit = await pg.StartAsync();
            log.Add($"PostgreSQL start (exit {startExit})");
            if (startExit != 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
            }
        }

        var back = DateTimeOffset.UtcNow;
        var (health200, healthy) = await WaitForHealthyAsync(http, back, TimeSpan.FromMinutes(2));
        log.Add(healthy is { } h ? $"/health 200 healthy {(h - back).TotalSeconds:0.0} s after PostgreSQL was back" : "/health not healthy within 2 minutes");

        var watched = Enumerable.Range(0, n).Where(i => ids[i] is not null && !pausedBefore.Contains(ids[i]!)).ToDictionary(i => ids[i]!, i => starts[i], StringComparer.Ordinal);
        foreach (var (id, start) in createdBefore)
        {
            watched[id] = start;
        }

        while (DateTimeOffset.UtcNow < back + Observe && receiver.FirstDeliveriesSince(watched.Keys, back).Count < watched.Count)
        {
            await Task.Delay(500);
        }

        await Load.DelayUntilAsync(back + Observe);
        var end = DateTimeOffset.UtcNow;
        var aliveAtEnd = Alive(options);
        var history = new RunHistory();
        var final = await history.SweepAsync(http, [.. watched.Keys, .. pausedBefore], 100);

        // Writes that were acknowledged: before the outage, and any during it.
        var probeCreates = probes.Where(p => p.Call == "create" && p.Acknowledged && p.CreatedTaskId is not null).Select(p => p.CreatedTaskId!).ToList();
        var probePauses = probes.Where(p => p.Call == "pause" && p.Acknowledged).Select(p => p.Target.Split('/')[4]).Distinct(StringComparer.Ordinal).ToList();
        var statuses = await TaskStatuses.ReadAsync(http, [.. pausesAcknowledged, .. createdBefore.Keys, .. probeCreates, .. probePauses]);
        var lostWrites = pausesAcknowledged.Concat(probePauses).Where(id => statuses[id] != "paused").Select(id => $"paused {id}: now {statuses[id]}")
            .Concat(createdBefore.Keys.Concat(probeCreates).Where(id => statuses[id] is "lost" or "unreadable").Select(id => $"created {id}: {statuses[id]}"))
            .ToList();

        var deliveries = receiver.Deliveries.ToArray();
        var fired = receiver.FirstDeliveriesSince(watched.Keys, back);
        var firedAfter = new Latencies();
        foreach (var at in fired.Values)
        {
            firedAfter.Add((at - back).TotalSeconds);
        }

        var stuck = final.Runs.Where(r => r.Outcome == "running" && r.StartedAt < back).ToList();
        var (twice, twiceExamples) = ChaosChecks.DoubleSuccesses(deliveries, history.Runs, firstSlot);
        var inFlight = history.Runs.Where(r => r.Attempt >= 1 && r.StartedAt < down && (r.FinishedAt is null || r.FinishedAt > down)).ToList();
        var slots = OutageSlots.Account(watched, Interval, history.Runs, down, back, down - (3 * Interval), back + TimeSpan.FromSeconds(40));
        var writes = probes.Where(p => p.IsWrite).ToList();
        var health = probes.Where(p => p.Call == "health").ToList();
        var result = new Dictionary<string, object>
        {
            ["tasks"] = ids.Count(i => i is not null),
            ["create_failures"] = failures,
            ["interval_s"] = Interval.TotalSeconds,
            ["outage_s"] = Math.Round((back - down).TotalSeconds, 1),
            ["outage_at_s"] = Math.Round((down - firstSlot).TotalSeconds, 1),
            ["postgres_stop_exit"] = stopExit,
            ["postgres_stop_took_ms"] = Math.Round((stopped - down).TotalMilliseconds),
            ["postgres_start_exit"] = startExit,
            ["postgres_start_took_s"] = Math.Round((back - startIssued).TotalSeconds, 1),
        };
        foreach (var (key, value) in OutageProber.Summarize(probes, AnswerWithin))
        {
            result[key] = value;
        }

        result["writes_all_503_problem_retry_after"] = writes.All(p => p.WriteAsPromised);
        result["writes_probed"] = writes.Count;
        result["writes_not_as_promised_examples"] = writes.Where(p => !p.WriteAsPromised).Take(5).Select(Describe).ToArray();
        result["writes_acknowledged_during_outage"] = writes.Count(p => p.Acknowledged);
        result["health_all_unhealthy_naming_storage"] = health.All(p => p.HealthAsPromised);
        result["health_probed"] = health.Count;
        result["health_not_as_promised_examples"] = health.Where(p => !p.HealthAsPromised).Take(5).Select(Describe).ToArray();
        result["processes_alive_at_outage_end"] = aliveAtOutageEnd.Count > 0 && aliveAtOutageEnd.Values.All(a => a);
        result["processes_at_outage_end"] = aliveAtOutageEnd;
        result["processes_alive_at_end"] = aliveAtEnd.Count > 0 && aliveAtEnd.Values.All(a => a);
        result["health_200_after_s"] = health200 is { } first ? Math.Round((first - back).TotalSeconds, 1) : -1;
        result["health_healthy_after_s"] = healthy is { } ok ? Math.Round((ok - back).TotalSeconds, 1) : -1;
        result["tasks_watched"] = watched.Count;
        result["all_fired_again_after_s"] = fired.Count == watched.Count ? Math.Round(firedAfter.Max, 1) : -1;
        result["fired_again_p50_s"] = Math.Round(firedAfter.Percentile(50), 1);
        result["tasks_not_fired_again"] = watched.Count - fired.Count;
        result["tasks_not_fired_again_examples"] = watched.Keys.Where(t => !fired.ContainsKey(t)).Take(5).ToArray();
        result["in_flight_at_stop"] = inFlight.Count;
        result["in_flight_at_stop_outcomes"] = inFlight.GroupBy(r => r.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        // From the moment pg_ctl said the server was down (a run may still start while it shuts down).
        var startedDuring = history.Runs.Where(r => r.Attempt >= 1 && r.StartedAt >= stopped && r.StartedAt < back).ToList();
        result["runs_started_during_outage"] = startedDuring.Count;
        result["runs_started_during_outage_examples"] = startedDuring.Take(5)
            .Select(r => $"{r.RunId} attempt {r.Attempt} started {(r.StartedAt - stopped).TotalMilliseconds:0} ms after PostgreSQL was down, {r.Outcome}").ToArray();
        var deliveredDuring = deliveries.Where(d => d.ArrivedAt >= down && d.ArrivedAt < back).ToList();
        result["deliveries_during_outage"] = deliveredDuring.Count;
        result["deliveries_during_outage_examples"] = deliveredDuring.Take(5)
            .Select(d => $"{d.RunId} attempt {d.Attempt} on {d.Path} arrived {(d.ArrivedAt - down).TotalMilliseconds:0} ms after the stop began").ToArray();
        result["stuck_running"] = stuck.Count;
        result["stuck_running_examples"] = stuck.Take(5).Select(r => $"{r.RunId} attempt {r.Attempt} on {r.Silo} since {r.StartedAt:HH:mm:ss.fff}").ToArray();
        result["rounds_succeeded_twice"] = twice;
        result["rounds_succeeded_twice_examples"] = twiceExamples;
        foreach (var (key, value) in slots)
        {
            result[key] = value;
        }

        result["writes_acknowledged_before"] = pausesAcknowledged.Count + createdBefore.Count;
        result["acknowledged_writes_checked"] = pausesAcknowledged.Count + probePauses.Count + createdBefore.Count + probeCreates.Count;
        result["acknowledged_writes_lost"] = lostWrites.Count;
        result["acknowledged_writes_lost_examples"] = lostWrites.Take(5).ToArray();
        result["histories_unreadable"] = final.Failed;
        result["runs_by_outcome"] = history.Runs.GroupBy(r => r.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        result["deliveries"] = deliveries.Length;
        result["observed_s"] = Math.Round((end - back).TotalSeconds, 1);
        result["events"] = log.Events;
        result["targets"] = "every call < 2 s; writes 503 + problem + Retry-After; health unhealthy naming storage; processes alive; "
            + "healthy < 15 s; all fired again < 30 s; stuck_running 0; rounds_succeeded_twice 0; tasks_more_catch_ups 0; "
            + "window_slots_unaccounted 0; window_slots_replayed 0; acknowledged_writes_lost 0";
        return result;
    }

    /// <summary>An interval webhook task with its first slot at <paramref name="start"/>.</summary>

    /// <summary>The silos and the Web API ops/bench started, by name, and whether each is still running.</summary>
    private static Dictionary<string, bool> Alive(BenchOptions options)
    {
        var alive = new Dictionary<string, bool>(StringComparer.Ordinal);
        for (var i = 0; i < options.SiloPids.Length; i++)
        {
            alive[$"silo-{i} (pid {options.SiloPids[i]})"] = ProcessStats.IsAlive(options.SiloPids[i]);
        }

        if (options.ApiPid > 0)
        {
            alive[$"webapi (pid {options.ApiPid})"] = ProcessStats.IsAlive(options.ApiPid);
        }

        return alive;
    }

    /// <summary>Polls /health every 250 ms: when it first answered 200, and when it first answered 200 <c>healthy</c>.</summary>
    private static async Task<(DateTimeOffset? Ok, DateTimeOffset? Healthy)> WaitForHealthyAsync(HttpClient http, DateTimeOffset from, TimeSpan within)
    {
        DateTimeOffset? ok = null;
        while (DateTimeOffset.UtcNow < from + within)
        {
            var answer = await Load.TrySendAsync(http, HttpMethod.Get, "/health");
            var at = DateTimeOffset.UtcNow;
            if (answer.Ok)
            {
                ok ??= at;
                if (answer.Body?["status"]?.GetValue<string>() == "healthy")
                {
                    return (ok, at);
                }
            }

            await Task.Delay(250);
        }

        return (ok, null);
    }

    /// <summary>One probe answer in words, for an example.</summary>
    private static string Describe(ProbeAnswer p) => string.Create(CultureInfo.InvariantCulture,
        $"{p.Call} at {p.At:HH:mm:ss.fff}: {p.Status} in {p.Milliseconds:0} ms, problem title {p.HasProblemTitle}, Retry-After {p.HasRetryAfter}{(p.Call == "health" ? $", status {p.HealthStatus ?? "-"}, storage {p.StorageStatus ?? "-"}" : "")}");
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Actors.Benchmarks;

/// <summary>
/// Chaos: three silos this program owns, N webhook tasks every 5 s (10 % answered slowly, 5 % failing
/// twice per round before succeeding; 3 retries, 0.5 s backoff, 10 s timeout). For D minutes a
/// random silo is killed (SIGKILL) every 30 s and restarted 10 s later, PostgreSQL is shut down
/// (immediate) once for 20 s, and a client pauses, resumes and reorders a fifth of the tasks,
/// remembering what was acknowledged. After a 30 s settle: tasks lost, acknowledged commands lost,
/// rounds answered 2xx twice, the longest gap of an uncommanded task outside the outage, runs
/// stuck in running, and abandoned attempts with whether they were retried.
/// </summary>
public static class ChaosScenario
{
    private const int SiloCount = 3;
    private const int CommandWorkers = 2;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan KillEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RestartAfter = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan OutageLength = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan GapLimit = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(60);

    /// <summary>How close to a kill an answer must leave the receiver to count as racing it.</summary>
    private static readonly TimeSpan KillRace = TimeSpan.FromMilliseconds(500);

    /// <summary>Runs it.</summary>
    public static async Task<Dictionary<string, object>> RunAsync(HttpClient http, BenchOptions options)
    {
        BenchOptions.Require("chaos", ("--root", options.Root), ("--data", options.Data), ("--postgres", options.Postgres));
        await using var silos = new OwnedSilos(options, SiloCount);
        for (var i = 0; i < SiloCount; i++)
        {
            silos.Start(i);
        }

        if (!await ClusterHealth.WaitForClusterAsync(http, SiloCount, TimeSpan.FromMinutes(3)))
        {
            throw new InvalidOperationException($"the cluster did not become healthy with {SiloCount} active silos; see {options.Data}/logs");
        }

        await using var receiver = await Receiver.StartAsync();
        var n = options.TasksOr(2000);
        var prefix = "chaos-" + Guid.NewGuid().ToString("N")[..6];
        var ids = new string?[n];
        var firstSlot = DateTimeOffset.UtcNow.AddSeconds(10 + (n / 300.0));
        var failures = 0;
        var createTime = await Load.RunAsync(n, 32, async i =>
        {
            try
            {
                ids[i] = await Load.CreateAsync(http, Load.WebhookTask($"{prefix}-{i}", receiver.UrlOf(PathOf(i)), Interval, firstSlot.AddMilliseconds(i * Interval.TotalMilliseconds / n)));
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref failures);
            }
        });
        var created = DateTimeOffset.UtcNow;
        var taskIds = ids.OfType<string>().ToArray();
        var commanded = Enumerable.Range(0, n).Where(i => ids[i] is not null && i % 10 is 0 or 7).Select(i => ids[i]!).ToArray();
        var watched = Enumerable.Range(0, n).Where(i => ids[i] is not null && i % 10 is not (0 or 7)).Select(i => ids[i]!).ToArray();
        var flaky = Enumerable.Range(0, n).Where(i => ids[i] is not null && PathOf(i) == "/flaky").Select(i => ids[i]!).ToHashSet(StringComparer.Ordinal);
        Console.Error.WriteLine($"[bench] created {taskIds.Length} tasks in {createTime.TotalSeconds:0.0} s ({failures} failed)");

        var chaosStart = created > firstSlot ? created.AddSeconds(5) : firstSlot + Interval;
        await Load.DelayUntilAsync(chaosStart);
        var chaosEnd = chaosStart + TimeSpan.FromMinutes(options.Minutes);
        var outageAt = chaosStart + TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(2).Ticks, (chaosEnd - chaosStart).Ticks * 2 / 5));
        var settled = chaosEnd + Settle;
        var log = new ChaosLog(chaosStart);
        var history = new RunHistory();
        var commands = new ConcurrentQueue<SentCommand>();
        var pg = new PostgresControl(options.Root, options.Data);
        Console.Error.WriteLine($"[bench] chaos for {options.Minutes} min; PostgreSQL outage at +{(outageAt - chaosStart).TotalSeconds:0} s");

        var outage = RunOutageAsync(pg, outageAt, log);
        await Task.WhenAll(
            KillAndRestartAsync(silos, chaosStart, chaosEnd, log),
            KeepUpAsync(silos, settled, log),
            SweepAsync(http, history, taskIds, flaky, chaosStart, chaosEnd),
            outage,
            Task.WhenAll(Enumerable.Range(0, CommandWorkers).Select(w => CommandAsync(http, [.. commanded.Where((_, j) => j % CommandWorkers == w)], chaosEnd, commands))));
        var (outageFrom, outageTo) = await outage;
        Console.Error.WriteLine("[bench] chaos over; settling");
        await Load.DelayUntilAsync(settled);
        var healthy = await ClusterHealth.WaitForClusterAsync(http, SiloCount, TimeSpan.FromMinutes(2));

        var end = DateTimeOffset.UtcNow;
        var final = await history.SweepAsync(http, taskIds, 100);
        var statuses = await TaskStatuses.ReadAsync(http, taskIds);
        var deliveries = receiver.Deliveries.ToArray();
        var sent = commands.ToArray();
        var lostCommands = ChaosChecks.LostCommands(sent, statuses.Where(s => s.Value is not ("lost" or "unreadable")).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal), chaosStart);
        var (twice, twiceExamples) = ChaosChecks.DoubleSuccesses(deliveries, history.Runs, chaosStart);
        var racedKill = ChaosChecks.DoubleSuccessesRacingAKill(deliveries, history.Runs, log.Kills, KillRace);
        var gaps = ChaosChecks.Gaps(deliveries, watched, chaosStart, end, outageFrom, outageTo, GapLimit);
        var stuck = final.Runs.Where(r => r.Outcome == "running" && r.StartedAt < end - StuckAfter).ToList();
        var commandedSet = commanded.ToHashSet(StringComparer.Ordinal);
        var abandonments = history.Abandonments(t =>
            (commandedSet.Contains(t) ? "paused/resumed by the client" : "never commanded") + $", now {statuses.GetValueOrDefault(t, "?")}");
        return new Dictionary<string, object>
        {
            ["tasks"] = taskIds.Length,
            ["create_failures"] = failures,
            ["minutes"] = options.Minutes,
            ["silos"] = SiloCount,
            ["tasks_lost"] = statuses.Count(s => s.Value == "lost"),
            ["tasks_unreadable"] = statuses.Count(s => s.Value == "unreadable"),
            ["commands_lost"] = lostCommands["lost"],
            ["commands_check"] = lostCommands,
            ["commands_sent"] = sent.Length,
            ["commands_by_status"] = sent.GroupBy(c => $"{c.Kind} {c.Status}").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            ["rounds_succeeded_twice"] = twice,
            ["rounds_succeeded_twice_first_answer_racing_a_kill"] = racedKill,
            ["rounds_succeeded_twice_unexplained"] = twice - racedKill,
            ["rounds_succeeded_twice_examples"] = twiceExamples,
            ["max_gap_s"] = gaps["max_s"],
            ["gaps"] = gaps,
            ["stuck_running"] = stuck.Count,
            ["stuck_running_examples"] = stuck.Take(5).Select(r => $"{r.RunId} attempt {r.Attempt} on {r.Silo} since {r.StartedAt:HH:mm:ss}").ToArray(),
            ["abandoned_runs"] = abandonments["abandoned"],
            ["abandoned_retried"] = abandonments["retried"],
            ["abandoned_not_retried"] = abandonments["not_retried"],
            ["abandoned_not_retried_examples"] = abandonments["not_retried_examples"],
            ["runs_by_outcome"] = history.Runs.GroupBy(r => r.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            ["deliveries"] = deliveries.Length,
            ["outage_s"] = Math.Round((outageTo - outageFrom).TotalSeconds, 1),
            ["outage_at_s"] = Math.Round((outageFrom - chaosStart).TotalSeconds, 1),
            ["events"] = log.Events,
            ["cluster_healthy_after_settle"] = healthy,
            ["targets"] = "tasks_lost 0, commands_lost 0, rounds_succeeded_twice 0 (unexplained 0), max_gap_s < 15, stuck_running 0",
        };
    }

    /// <summary>10 % of the tasks call /slow, 5 % /flaky, the rest /hook.</summary>
    private static string PathOf(int i) => (i % 20) switch
    {
        0 or 1 => "/slow",
        2 => "/flaky",
        _ => "/hook",
    };

    private static async Task KillAndRestartAsync(OwnedSilos silos, DateTimeOffset from, DateTimeOffset until, ChaosLog log)
    {
        for (var at = from + KillEvery; at < until; at += KillEvery)
        {
            await Load.DelayUntilAsync(at);
            var running = Enumerable.Range(0, silos.Count).Where(silos.IsRunning).ToArray();
            if (running.Length == 0)
            {
                log.Add("no silo running to kill");
                continue;
            }

            var victim = running[Random.Shared.Next(running.Length)];
            log.PlanDown(victim, true);
            await silos.KillAsync(victim);
            log.Killed();
            log.Add($"kill -9 {OwnedSilos.Name(victim)}");
            await Load.DelayUntilAsync(at + RestartAfter);
            if (!silos.IsRunning(victim))
            {
                silos.Start(victim);
                log.Add($"restart {OwnedSilos.Name(victim)}");
            }

            log.PlanDown(victim, false);
        }
    }

    /// <summary>A silo that exits on its own is restarted (as a service manager would), at most every 5 s, and logged.</summary>
    private static async Task KeepUpAsync(OwnedSilos silos, DateTimeOffset until, ChaosLog log)
    {
        var lastStart = new DateTimeOffset[silos.Count];
        while (DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(1000);
            for (var i = 0; i < silos.Count; i++)
            {
                if (!log.IsPlannedDown(i) && !silos.IsRunning(i) && DateTimeOffset.UtcNow - lastStart[i] > TimeSpan.FromSeconds(5))
                {
                    log.Add($"{OwnedSilos.Name(i)} exited on its own (code {silos.ExitCode(i)}): restarted");
                    silos.Start(i);
                    lastStart[i] = DateTimeOffset.UtcNow;
                }
            }
        }
    }

    private static async Task<(DateTimeOffset From, DateTimeOffset To)> RunOutageAsync(PostgresControl pg, DateTimeOffset at, ChaosLog log)
    {
        await Load.DelayUntilAsync(at);
        var from = DateTimeOffset.UtcNow;
        var stopped = await pg.StopImmediateAsync();
        log.Add($"PostgreSQL stopped (immediate; pg_ctl exit {stopped})");
        await Load.DelayUntilAsync(from + OutageLength);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var started = await pg.StartAsync();
            log.Add($"PostgreSQL start (exit {started})");
            if (started == 0)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        return (from, DateTimeOffset.UtcNow);
    }

    private static async Task CommandAsync(HttpClient http, string[] tasks, DateTimeOffset until, ConcurrentQueue<SentCommand> commands)
    {
        // One worker owns its tasks, so the commands of one task are never in flight together.
        while (DateTimeOffset.UtcNow < until && tasks.Length > 0)
        {
            var task = tasks[Random.Shared.Next(tasks.Length)];
            var roll = Random.Shared.Next(100);
            var kind = roll < 40 ? "pause" : roll < 80 ? "resume" : "reorder";
            var sentAt = DateTimeOffset.UtcNow;
            var answer = await Load.TrySendAsync(http, HttpMethod.Post, $"/api/v1/tasks/{task}/{kind}", kind == "reorder" ? new JsonObject { ["priority_offset"] = 3 } : null);
            commands.Enqueue(new SentCommand(task, kind, sentAt, answer.Status));
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// Reads run histories every minute while the chaos lasts (the API keeps the last 100 attempts
    /// per task; a flaky task makes three per round), so no abandoned attempt falls out unseen.
    /// </summary>
    private static async Task SweepAsync(HttpClient http, RunHistory history, string[] taskIds, HashSet<string> flaky, DateTimeOffset from, DateTimeOffset until)
    {
        string[] steady = [.. taskIds.Where(t => !flaky.Contains(t))];
        string[] busy = [.. flaky];
        for (var at = from + SweepEvery; at < until; at += SweepEvery)
        {
            await Load.DelayUntilAsync(at);
            var a = await history.SweepAsync(http, steady, 20, 8);
            var b = await history.SweepAsync(http, busy, 100, 8);
            Console.Error.WriteLine($"[bench] +{(at - from).TotalSeconds:0} s: {history.Runs.Count} attempts seen so far ({a.Failed + b.Failed} histories unreadable in this sweep)");
        }
    }
}

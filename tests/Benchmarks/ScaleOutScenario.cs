using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Actors.Benchmarks;

/// <summary>
/// Scale-out that moves load. N webhook tasks every 10 s (first runs spread over the interval) run
/// a minute on one silo; then a second silo joins through the operator's script (ops/add-silo, a
/// child process in the foreground); every 15 s for 3 minutes the runs started in the last 15 s
/// are counted per silo from the run records' <c>silo</c> field; then the added silo is stopped the
/// way an operator stops it (SIGINT to ops/add-silo) and the tasks run a minute more. Reports the
/// share per silo over time, when it first came within 50 ± 15 %, how long the stop took, abandoned
/// runs, missed slots and duplicate deliveries.
/// </summary>
public static class ScaleOutScenario
{
    private const double Target = 50;
    private const double Tolerance = 15;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan OneSilo = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan TwoSilos = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan AfterStop = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(90);

    /// <summary>Runs it.</summary>
    public static async Task<Dictionary<string, object>> RunAsync(HttpClient http, BenchOptions options)
    {
        BenchOptions.Require("scaleout", ("--root", options.Root), ("--data", options.Data), ("--postgres", options.Postgres));
        await using var receiver = await Receiver.StartAsync();
        var n = options.TasksOr(2000);
        var prefix = "scale-" + Guid.NewGuid().ToString("N")[..6];

        // Whole milliseconds, so the slots we expect and the scheduled times delivered compare exactly.
        var now = DateTimeOffset.UtcNow;
        var firstSlot = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond)).AddSeconds(10 + (n / 300.0));
        var starts = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var failures = 0;
        var createTime = await Load.RunAsync(n, 32, async i =>
        {
            var start = firstSlot.AddMilliseconds(Math.Floor(i * Interval.TotalMilliseconds / n));
            try
            {
                var id = await Load.CreateAsync(http, Load.WebhookTask($"{prefix}-{i}", receiver.Url, Interval, start));
                starts[id] = start;
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref failures);
            }
        });
        var created = DateTimeOffset.UtcNow;
        var taskIds = starts.Keys.ToArray();
        Console.Error.WriteLine($"[bench] created {taskIds.Length} tasks in {createTime.TotalSeconds:0.0} s ({failures} failed)");

        var measureFrom = created > firstSlot ? created.AddSeconds(5) : firstSlot;
        var names = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var before = await Load.SilosAsync(http) ?? throw new InvalidOperationException("GET /api/v1/status failed before the add");
        var original = before.Where(s => s.Value.Status == "active").Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        Remember(names, before);
        var history = new RunHistory();
        var samples = new List<ShareSample>();

        async Task TakeSampleAsync(DateTimeOffset at, DateTimeOffset addedAt, string phase)
        {
            var sweep = await history.SweepAsync(http, taskIds, 20);
            if (await Load.SilosAsync(http) is { } silos)
            {
                Remember(names, silos);
            }

            var runs = sweep.Runs.Where(r => r.Outcome != "skipped" && r.StartedAt >= at - Window && r.StartedAt < at).ToList();
            var sample = new ShareSample(at, (at - addedAt).TotalSeconds, phase, runs.Count, runs.GroupBy(r => r.Silo).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), sweep.Failed);
            samples.Add(sample);
            Console.Error.WriteLine($"[bench] +{sample.AfterAddSeconds:0} s ({phase}): {Describe(sample, names)}");
        }

        await Load.DelayUntilAsync(measureFrom + OneSilo);

        // The operator's action: ops/add-silo in the foreground (its silo logs to DATA/logs).
        var baselineAt = DateTimeOffset.UtcNow;
        await TakeSampleAsync(baselineAt, baselineAt, "one_silo");
        var addedAt = DateTimeOffset.UtcNow;
        samples[0] = samples[0] with { AfterAddSeconds = (baselineAt - addedAt).TotalSeconds };
        Console.Error.WriteLine("[bench] starting ops/add-silo");
        using var addSilo = ChildProcess.Start(
            "ops/add-silo",
            Path.Combine(options.Data, "logs", "add-silo.out"),
            new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" },
            "bash",
            Path.Combine(options.Root, "ops", "add-silo"),
            "--data",
            options.Data,
            "--postgres",
            options.Postgres);
        using var joinWatch = new CancellationTokenSource();
        var join = WatchForJoinAsync(http, original, names, addedAt, joinWatch.Token);

        for (var k = 1; k <= TwoSilos / Window; k++)
        {
            var at = addedAt + (Window * k);
            await Load.DelayUntilAsync(at);
            await TakeSampleAsync(at, addedAt, "two_silos");
        }

        await joinWatch.CancelAsync();
        var (joinedAddress, joinedAt) = await join;

        // The operator's stop: Ctrl-C (SIGINT) to ops/add-silo, which stops its silo with SIGTERM and waits.
        var scriptExitedEarly = addSilo.HasExited;
        var earlyExitCode = addSilo.ExitCode;
        var stopAt = DateTimeOffset.UtcNow;
        string stopVia;
        if (!addSilo.HasExited)
        {
            addSilo.Signal("INT");
            stopVia = "SIGINT to ops/add-silo";
        }
        else if (addSilo.GroupAlive())
        {
            addSilo.SignalGroup("TERM");
            stopVia = $"SIGTERM to the added silo's process group: ops/add-silo had already exited with code {earlyExitCode}";
        }
        else
        {
            stopVia = $"nothing to stop: ops/add-silo (exit code {earlyExitCode}) and its silo had already exited";
        }

        Console.Error.WriteLine($"[bench] stopping the added silo: {stopVia}");

        // Samples go on every 15 s while it stops, and for a minute after it has stopped.
        var stop = WatchStopAsync(addSilo, stopAt);
        for (var k = 1; ; k++)
        {
            var at = stopAt + (Window * k);
            if (stop.IsCompleted && at > (await stop).Done + AfterStop)
            {
                break;
            }

            await Load.DelayUntilAsync(at);
            await TakeSampleAsync(at, addedAt, stop.IsCompleted && (await stop).Done < at ? "after_stop" : "stopping");
        }

        var (scriptExit, groupExit, stoppedAt) = await stop;
        await Load.DelayUntilAsync(stoppedAt + AfterStop);
        var end = DateTimeOffset.UtcNow;
        var final = await history.SweepAsync(http, taskIds, 100);
        var finalSilos = await Load.SilosAsync(http);
        if (finalSilos is not null)
        {
            Remember(names, finalSilos);
        }

        // Slots that ended at least 15 s before the end must have arrived (a 10 s timeout plus slack).
        var countedUntil = end - Window;
        var deliveries = receiver.Deliveries.ToArray();
        var startsView = starts.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        var expected = startsView.Values.Sum(s => Slots.Count(s, Interval, measureFrom, countedUntil));
        var originalAddress = original.FirstOrDefault() ?? "";
        var balancedSamples = samples.Where(s => s.Phase == "two_silos" && joinedAddress is not null
            && Within(s.Share(originalAddress)) && Within(s.Share(joinedAddress))).ToList();
        var last = samples.LastOrDefault(s => s.Phase == "two_silos");
        var abandonments = history.Abandonments();
        return new Dictionary<string, object>
        {
            ["tasks"] = taskIds.Length,
            ["create_failures"] = failures,
            ["interval_seconds"] = Interval.TotalSeconds,
            ["silos_before_add"] = original.Select(a => Name(names, a)).ToArray(),
            ["added_silo"] = joinedAddress is null ? "never became active" : $"{Name(names, joinedAddress)} ({joinedAddress})",
            ["added_silo_active_after_s"] = joinedAt is { } j ? Math.Round((j - addedAt).TotalSeconds, 1) : -1,
            ["share_over_time"] = samples.Select(s => s.ToJson(names)).ToArray(),
            ["share_first_within_50pm15_after_s"] = balancedSamples.Count > 0 ? Math.Round(balancedSamples[0].AfterAddSeconds) : -1,
            ["share_at_3_min"] = last is null ? "" : Describe(last, names),
            ["share_target_met"] = last is not null && balancedSamples.Contains(last),
            ["add_silo_exited_before_stop"] = scriptExitedEarly ? $"yes, exit code {earlyExitCode}" : "no",
            ["graceful_stop_via"] = stopVia,
            ["graceful_stop_script_exit_s"] = scriptExit is { } se ? Math.Round(se.TotalSeconds, 1) : $"not within {StopBound.TotalSeconds:0} s",
            ["graceful_stop_s"] = groupExit is { } ge ? Math.Round(ge.TotalSeconds, 1) : $"not within {StopBound.TotalSeconds:0} s: killed (SIGKILL)",
            ["add_silo_exit_code"] = addSilo.ExitCode ?? -1,
            ["added_silo_final_status"] = joinedAddress is not null && finalSilos is not null && finalSilos.TryGetValue(joinedAddress, out var fs) ? fs.Status : "unknown",
            ["abandoned_runs"] = final.Runs.Count(r => r.Outcome == "abandoned"),
            ["abandoned_retried"] = abandonments["retried"],
            ["abandoned_not_retried_examples"] = abandonments["not_retried_examples"],
            ["runs_by_silo"] = final.Runs.Where(r => r.Outcome != "skipped").GroupBy(r => Name(names, r.Silo)).ToDictionary(g => g.Key, g => g.Count()),
            ["runs_by_outcome"] = final.Runs.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count()),
            ["unreadable_histories"] = final.Failed,
            ["expected_slots"] = expected,
            ["missed_slots"] = Slots.Missed(startsView, Interval, deliveries, measureFrom, countedUntil),
            ["missed_slots_one_silo"] = Slots.Missed(startsView, Interval, deliveries, measureFrom, addedAt),
            ["missed_slots_two_silos"] = Slots.Missed(startsView, Interval, deliveries, addedAt, stopAt),
            ["missed_slots_after_stop"] = Slots.Missed(startsView, Interval, deliveries, stopAt, countedUntil),
            ["duplicate_runs"] = receiver.Duplicates.Count,
        };
    }

    private static bool Within(double share) => Math.Abs(share - Target) <= Tolerance;

    /// <summary>Polls the status until an active silo that was not there before shows up.</summary>
    private static async Task<(string? Address, DateTimeOffset? At)> WatchForJoinAsync(
        HttpClient http, HashSet<string> original, ConcurrentDictionary<string, string> names, DateTimeOffset since, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (await Load.SilosAsync(http) is { } silos)
            {
                Remember(names, silos);
                var joined = silos.FirstOrDefault(s => s.Value.Status == "active" && !original.Contains(s.Key)).Key;
                if (joined is not null)
                {
                    Console.Error.WriteLine($"[bench] {Name(names, joined)} ({joined}) active {(DateTimeOffset.UtcNow - since).TotalSeconds:0.0} s after the add");
                    return (joined, DateTimeOffset.UtcNow);
                }
            }

            try
            {
                await Task.Delay(1000, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (null, null);
    }

    /// <summary>
    /// How long until the script exited and until nothing of it was left (null: not within the
    /// bound, and then the group is killed), and when that was.
    /// </summary>
    private static async Task<(TimeSpan? Script, TimeSpan? Group, DateTimeOffset Done)> WatchStopAsync(ChildProcess addSilo, DateTimeOffset stopAt)
    {
        TimeSpan? script = null;
        while (DateTimeOffset.UtcNow - stopAt < StopBound)
        {
            if (script is null && addSilo.HasExited)
            {
                script = DateTimeOffset.UtcNow - stopAt;
            }

            if (!addSilo.GroupAlive())
            {
                var took = DateTimeOffset.UtcNow - stopAt;
                Console.Error.WriteLine($"[bench] the added silo stopped in {took.TotalSeconds:0.0} s");
                return (script ?? took, took, DateTimeOffset.UtcNow);
            }

            await Task.Delay(100);
        }

        Console.Error.WriteLine($"[bench] the added silo did not stop within {StopBound.TotalSeconds:0} s: killing its process group");
        addSilo.SignalGroup("KILL");
        await addSilo.WaitForGroupExitAsync(TimeSpan.FromSeconds(10));
        return (script, null, DateTimeOffset.UtcNow);
    }

    private static void Remember(ConcurrentDictionary<string, string> names, Dictionary<string, (string Name, string Status)> silos)
    {
        foreach (var (address, silo) in silos)
        {
            names[address] = silo.Name;
        }
    }

    private static string Name(IReadOnlyDictionary<string, string> names, string address) =>
        names.TryGetValue(address, out var name) && name.Length > 0 ? name : address;

    private static string Describe(ShareSample sample, IReadOnlyDictionary<string, string> names) =>
        sample.Runs == 0
            ? "no runs"
            : string.Join(" / ", sample.BySilo.OrderBy(s => Name(names, s.Key), StringComparer.Ordinal).Select(s => $"{Name(names, s.Key)} {sample.Share(s.Key):0.0} %"))
              + $" of {sample.Runs} runs" + (sample.Unread > 0 ? $" ({sample.Unread} histories unreadable)" : "");
}

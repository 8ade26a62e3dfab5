using System.Globalization;
using System.Text.Json.Nodes;

namespace Actors.Benchmarks;

/// <summary>
/// Overload, then relief: N tasks every 60 s (N beyond what the machine sustains) for D minutes,
/// then half of them end by themselves (their <c>task_end_time</c>) and the other half go on for
/// the recovery minutes. Measures the runs per second during the overload, whether every task
/// still fired at least once a minute, missed slots counted as skipped, and how long after the
/// load dropped the lateness p99 (over sliding 10-second windows) fell under 1 s.
/// </summary>
public static class OverloadScenario
{
    private static readonly TimeSpan RecoveryWatch = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    /// <summary>Runs it.</summary>
    public static async Task<Dictionary<string, object>> RunAsync(HttpClient http, BenchOptions options)
    {
        await using var receiver = await Receiver.StartAsync();
        var n = options.Tasks;
        var interval = TimeSpan.FromSeconds(options.IntervalOr(20));
        var prefix = Guid.NewGuid().ToString("N")[..6];
        var firstSlot = DateTimeOffset.UtcNow.AddSeconds(20 + (n / 500.0));
        var overloadEnds = firstSlot + interval + TimeSpan.FromMinutes(options.Minutes);
        var starts = new DateTimeOffset?[n];
        var failures = 0;
        var createTime = await Load.RunAsync(n, 64, async i =>
        {
            var start = firstSlot.AddMilliseconds(i * interval.TotalMilliseconds / n);
            var body = Load.WebhookTask($"overload-{prefix}-{i}", receiver.Url, interval, start, maxRetries: 0);
            if (i % 2 == 1)
            {
                body["task_end_time"] = overloadEnds.ToString("O", CultureInfo.InvariantCulture);
            }

            try
            {
                await Load.CreateAsync(http, body);
                starts[i] = start;
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref failures);
            }
        });
        Console.Error.WriteLine($"[bench] created {n} tasks in {createTime.TotalSeconds:0.0} s; the odd half ends at {overloadEnds:O}");

        var overloadFrom = firstSlot + interval;
        var recoveryTo = overloadEnds + RecoveryWatch;
        await Load.DelayUntilAsync(overloadFrom);
        var cpuBefore = options.SiloPids.Sum(ProcessStats.CpuSeconds);
        while (DateTimeOffset.UtcNow < recoveryTo)
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            Console.Error.WriteLine($"[bench] {receiver.Arrivals.Count} deliveries so far");
        }

        var arrivals = receiver.Arrivals.Values.ToList();
        var during = arrivals.Where(a => a.ArrivedAt >= overloadFrom && a.ArrivedAt < overloadEnds).ToList();
        var lateness = new Latencies();
        during.ForEach(a => lateness.Add((a.ArrivedAt - a.ScheduledAt).TotalMilliseconds));

        // Every task, in every whole minute of the overload, fired at least once.
        var byTask = during.GroupBy(a => a.TaskId).ToDictionary(g => g.Key, g => g.Select(a => a.ArrivedAt).Order().ToList());
        var minutes = (int)Math.Floor((overloadEnds - overloadFrom).TotalMinutes);
        var silentMinutes = 0L;
        foreach (var (_, times) in byTask)
        {
            for (var m = 0; m < minutes; m++)
            {
                var from = overloadFrom.AddMinutes(m);
                silentMinutes += times.Any(t => t >= from && t < from.AddMinutes(1)) ? 0 : 1;
            }
        }

        var created = starts.Count(s => s is not null);
        var tasksWithoutAnyRun = created - byTask.Count;

        // Recovery: the first 10-second window after the load dropped from which every later window's p99 is under 1 s.
        var after = arrivals.Where(a => a.ArrivedAt >= overloadEnds && a.ArrivedAt < recoveryTo).ToList();
        var windows = new List<(double StartS, double P99Ms, int Runs)>();
        for (var from = overloadEnds; from + Window <= recoveryTo; from += Window)
        {
            var w = new Latencies();
            var inWindow = after.Where(a => a.ArrivedAt >= from && a.ArrivedAt < from + Window).ToList();
            inWindow.ForEach(a => w.Add((a.ArrivedAt - a.ScheduledAt).TotalMilliseconds));
            windows.Add(((from - overloadEnds).TotalSeconds, inWindow.Count > 0 ? w.Percentile(99) : 0, inWindow.Count));
        }

        var recoveredAt = Enumerable.Range(0, windows.Count).FirstOrDefault(i => windows.Skip(i).All(w => w.P99Ms < 1000), -1);
        return new Dictionary<string, object>
        {
            ["tasks"] = n,
            ["create_failures"] = failures,
            ["overload_minutes"] = options.Minutes,
            ["offered_runs_per_second"] = Math.Round(created / interval.TotalSeconds, 1),
            ["runs_per_second_during_overload"] = Math.Round(during.Count / (overloadEnds - overloadFrom).TotalSeconds, 1),
            ["overload_lateness_p50_ms"] = Math.Round(lateness.Percentile(50), 0),
            ["overload_lateness_p99_ms"] = Math.Round(lateness.Percentile(99), 0),
            ["overload_lateness_max_ms"] = Math.Round(lateness.Max, 0),
            ["task_minutes_without_a_run"] = silentMinutes,
            ["tasks_without_any_run_during_overload"] = tasksWithoutAnyRun,
            ["duplicate_rounds"] = receiver.Duplicates.Count,
            ["recovered_p99_under_1s_after_s"] = recoveredAt < 0 ? -1 : windows[recoveredAt].StartS,
            ["recovery_windows"] = windows.Select(w => $"+{w.StartS:0}s: p99 {w.P99Ms:0} ms over {w.Runs} runs").ToList(),
            ["runs_per_second_after"] = Math.Round(after.Count / RecoveryWatch.TotalSeconds, 1),
            ["silo_cpu_seconds"] = Math.Round(options.SiloPids.Sum(ProcessStats.CpuSeconds) - cpuBefore, 1),
        };
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace Actors.Benchmarks;

/// <summary>
/// N tasks with a 60-second interval (<c>--interval</c>), first runs spread over one interval, each calling the receiver
/// and each starting with a run history (<c>--history</c>); measures lateness, missed and duplicate
/// rounds, and the CPU, memory and WAL it took per run.
/// </summary>
public static class ScheduleScenario
{
    /// <summary>Runs it.</summary>
    public static async Task<Dictionary<string, object>> RunAsync(HttpClient http, BenchOptions options)
    {
        await using var receiver = await Receiver.StartAsync();
        var n = options.Tasks;
        var interval = TimeSpan.FromSeconds(options.IntervalOr(60));
        var runId = Guid.NewGuid().ToString("N")[..6];

        // First slots start after creation is expected to be done (estimated at 300 creates/s), so
        // creating does not compete with firing; a create that fails is counted, not retried.
        var firstSlot = DateTimeOffset.UtcNow.AddSeconds(20 + (n / 300.0));
        var starts = new DateTimeOffset?[n];
        var ids = new string?[n];
        var failures = 0;
        var createTime = await Load.RunAsync(n, 64, async i =>
        {
            var start = firstSlot.AddMilliseconds(i * interval.TotalMilliseconds / n);
            try
            {
                ids[i] = await Load.CreateAsync(http, Load.WebhookTask($"bench-{runId}-{i}", receiver.Url, interval, start, maxRetries: 0));
                starts[i] = start;
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref failures);
            }
        });
        Console.Error.WriteLine($"[bench] created {n} tasks in {createTime.TotalSeconds:0.0} s");
        var taskIds = ids.OfType<string>().Select(Guid.Parse).ToList();
        var fillTime = string.IsNullOrEmpty(options.Postgres) ? TimeSpan.Zero : await HistoryFill.FillAsync(options.Postgres, taskIds, options.History);
        Console.Error.WriteLine($"[bench] gave each task {options.History} past runs in {fillTime.TotalSeconds:0.0} s");
        var created = DateTimeOffset.UtcNow;

        var measureFrom = created > firstSlot ? created.AddSeconds(5) : firstSlot;
        var measureTo = measureFrom.AddMinutes(options.Minutes);
        await Load.DelayUntilAsync(measureFrom);
        var cpuBefore = options.SiloPids.Sum(ProcessStats.CpuSeconds);
        var pgBefore = ProcessStats.PostgresCpuSeconds(options.Data);
        var walBefore = string.IsNullOrEmpty(options.Postgres) ? 0 : await HistoryFill.WalPositionAsync(options.Postgres);
        while (DateTimeOffset.UtcNow < measureTo)
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            Console.Error.WriteLine($"[bench] {receiver.Arrivals.Count} deliveries so far");
        }

        var cpu = options.SiloPids.Sum(ProcessStats.CpuSeconds) - cpuBefore;
        var pg = ProcessStats.PostgresCpuSeconds(options.Data) - pgBefore;
        var walAfter = string.IsNullOrEmpty(options.Postgres) ? 0 : await HistoryFill.WalPositionAsync(options.Postgres);
        var wal = walAfter - walBefore;
        var measuredTo = DateTimeOffset.UtcNow;
        var runsMeasured = Math.Max(1, receiver.Arrivals.Values.Count(a => a.ArrivedAt >= measureFrom && a.ArrivedAt < measuredTo));

        // Slots that ended at least 10 s before the end of the measurement must have arrived.
        var lateness = new Latencies();
        var countedUntil = measureTo.AddSeconds(-10);
        var arrivals = receiver.Arrivals.Values.Where(a => a.ScheduledAt >= measureFrom && a.ScheduledAt < countedUntil).ToList();
        foreach (var a in arrivals)
        {
            lateness.Add((a.ArrivedAt - a.ScheduledAt).TotalMilliseconds);
        }

        long expected = 0;
        foreach (var start in starts.OfType<DateTimeOffset>())
        {
            var first = start >= measureFrom ? start : start + (interval * Math.Ceiling((measureFrom - start) / interval));
            // The slots first, first + interval, ... strictly before countedUntil (as the arrivals are counted).
            expected += first < countedUntil ? (long)Math.Ceiling((countedUntil - first) / interval) : 0;
        }

        var received = arrivals.Select(a => (a.TaskId, a.ScheduledAt)).Distinct().LongCount();
        return new Dictionary<string, object>
        {
            ["tasks"] = n,
            ["interval_seconds"] = interval.TotalSeconds,
            ["minutes"] = options.Minutes,
            ["create_per_second"] = Math.Round(n / createTime.TotalSeconds, 1),
            ["create_failures"] = failures,
            ["lateness_p50_ms"] = Math.Round(lateness.Percentile(50), 1),
            ["lateness_p90_ms"] = Math.Round(lateness.Percentile(90), 1),
            ["lateness_p99_ms"] = Math.Round(lateness.Percentile(99), 1),
            ["lateness_max_ms"] = Math.Round(lateness.Max, 1),
            ["runs_per_second"] = Math.Round(arrivals.Count / (countedUntil - measureFrom).TotalSeconds, 1),
            ["expected_rounds"] = expected,
            ["missed_rounds"] = Math.Max(0, expected - received),
            ["duplicate_rounds"] = receiver.Duplicates.Count,
            ["silo_cpu_seconds"] = Math.Round(cpu, 1),
            ["silo_peak_rss_mib"] = Math.Round(options.SiloPids.Sum(ProcessStats.PeakRssMiB), 0),
            ["postgres_cpu_seconds"] = Math.Round(pg, 1),
            ["history_per_task"] = options.History,
            ["history_fill_seconds"] = Math.Round(fillTime.TotalSeconds, 1),
            ["runs_measured"] = runsMeasured,
            ["wal_bytes_per_run"] = Math.Round((double)wal / runsMeasured, 0),
            ["wal_window"] = $"{HistoryFill.Lsn(walBefore)} {HistoryFill.Lsn(walAfter)}",
            ["silo_cpu_ms_per_run"] = Math.Round(cpu * 1000 / runsMeasured, 3),
            ["postgres_cpu_ms_per_run"] = Math.Round(pg * 1000 / runsMeasured, 3),
        };
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace Actors.Benchmarks;

/// <summary>
/// Remote agents: 4 reference agents (<c>actors agent</c>, real processes) and N agent tasks every
/// 10 s whose command prints the moment it started. Dispatch latency = that moment − the slot's
/// scheduled time (due → process started, through the grain, the agent hub, the Web API's
/// WebSocket, the agent's accept and the process start); also runs/s, outcomes and CPU per run of
/// the silo, the Web API, the agents with their processes, and PostgreSQL.
/// </summary>
public static class AgentsScenario
{
    private const int Agents = 4;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>Runs it.</summary>
    public static async Task<Dictionary<string, object>> RunAsync(HttpClient http, BenchOptions options)
    {
        BenchOptions.Require("agents", ("--root", options.Root), ("--data", options.Data));
        var n = options.TasksOr(2000);
        var cli = Path.Combine(options.Root, "ops", "cli", "bin", "Release", "net10.0", "actors.dll");
        var label = $"bench{Guid.NewGuid():N}"[..12];
        var agents = Enumerable.Range(0, Agents).Select(i => ChildProcess.Start(
            $"agent-{i}", Path.Combine(options.Data, "logs", $"agent-{i}.log"), new Dictionary<string, string>(), "dotnet",
            cli, "agent", "--server", options.Api.ToString().TrimEnd('/'), "--name", $"{label}-{i}", "--labels", label, "--max-concurrent", "16")).ToList();
        try
        {
            await WaitOnlineAsync(http, Agents);
            var firstSlot = DateTimeOffset.UtcNow.AddSeconds(15 + (n / 300.0));
            var failures = 0;
            var ids = new string?[n];
            await Load.RunAsync(n, 32, async i =>
            {
                try
                {
                    ids[i] = await Load.CreateAsync(http, new JsonObject
                    {
                        ["account_id"] = $"{label}-{i}",
                        ["interval"] = (int)Interval.TotalSeconds,
                        ["start_time"] = firstSlot.AddMilliseconds(i * Interval.TotalMilliseconds / n).ToString("O", CultureInfo.InvariantCulture),
                        ["executor"] = "agent",
                        ["agent"] = new JsonObject { ["labels"] = new JsonArray(label), ["command"] = new JsonArray("date", "+%s.%N") },
                        ["timeout_seconds"] = 10,
                        ["max_retries"] = 0,
                    });
                }
                catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failures);
                }
            });

            var measureFrom = firstSlot + Interval;
            var measureTo = measureFrom + TimeSpan.FromMinutes(options.Minutes);
            await Load.DelayUntilAsync(measureFrom);
            var pids = options.SiloPids.Append(options.ApiPid).Concat(agents.Select(a => a.Pid)).Where(p => p > 0).ToList();
            var cpuBefore = pids.Sum(ProcessStats.CpuSecondsWithChildren) + ProcessStats.PostgresCpuSeconds(options.Data);
            await Load.DelayUntilAsync(measureTo);
            var cpu = pids.Sum(ProcessStats.CpuSecondsWithChildren) + ProcessStats.PostgresCpuSeconds(options.Data) - cpuBefore;

            // Let the window's last runs finish and be recorded, then read them back.
            await Task.Delay(TimeSpan.FromSeconds(5));
            var runs = await RunsAsync(http, measureFrom, measureTo);
            var latency = new Latencies();
            var outcomes = runs.GroupBy(r => r["outcome"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
            foreach (var run in runs.Where(r => r["outcome"]!.GetValue<string>() == "succeeded"))
            {
                var started = double.Parse(run["output"]!.GetValue<string>().Trim(), CultureInfo.InvariantCulture);
                var scheduled = DateTimeOffset.Parse(run["scheduled_at"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() / 1000.0;
                latency.Add((started - scheduled) * 1000);
            }

            var measured = Math.Max(1, runs.Count);
            return new Dictionary<string, object>
            {
                ["tasks"] = n,
                ["agents"] = Agents,
                ["create_failures"] = failures,
                ["runs_measured"] = runs.Count,
                ["outcomes"] = string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}")),
                ["runs_per_second"] = Math.Round(runs.Count / (measureTo - measureFrom).TotalSeconds, 1),
                ["dispatch_latency_p50_ms"] = Math.Round(latency.Percentile(50), 1),
                ["dispatch_latency_p99_ms"] = Math.Round(latency.Percentile(99), 1),
                ["dispatch_latency_max_ms"] = Math.Round(latency.Max, 1),
                ["cpu_ms_per_run"] = Math.Round(cpu * 1000 / measured, 2),
            };
        }
        finally
        {
            foreach (var agent in agents)
            {
                await agent.StopAsync(TimeSpan.FromSeconds(5));
            }
        }
    }

    private static async Task WaitOnlineAsync(HttpClient http, int count)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while ((await Load.TrySendAsync(http, HttpMethod.Get, "/api/v1/agents?online=true")).Body?["total"]?.GetValue<int>() < count)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new InvalidOperationException($"fewer than {count} agents came online within 60 s (see the agent logs)");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Every run scheduled in the window, across tasks (<c>GET /api/v1/runs</c>, paged by cursor).</summary>
    private static async Task<List<JsonNode>> RunsAsync(HttpClient http, DateTimeOffset from, DateTimeOffset to)
    {
        var runs = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var query = $"/api/v1/runs?since={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&until={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}&limit=1000"
                + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = (await Load.TrySendAsync(http, HttpMethod.Get, query)).Body ?? throw new InvalidOperationException("GET /api/v1/runs failed");
            runs.AddRange(page["runs"]!.AsArray().Select(r => r!));
            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        return runs;
    }
}

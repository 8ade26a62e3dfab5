using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Benchmarks;

/// <summary>
/// Flows: N flows (<c>--flows</c>, default 500) of M nodes (<c>--nodes</c>, default 10) with a cycle
/// every 60 s, first cycles spread over one minute so the load is even, for D minutes. Each flow is
/// a chain of two roots fanning out to the middle nodes, which join in the last node; every odd node
/// is an <c>http</c> node calling the benchmark's receiver, the others are <c>log</c> nodes. At the end
/// every cycle of the window is read back (<c>GET /api/v1/flows/{id}/cycles</c> and
/// <c>.../cycles/{n}</c>) and the report says how long a node waited to start after its last upstream
/// node finished, how many cycles were expected, succeeded, failed or were skipped, how many started
/// within 1 s of their slot, and the silo's and PostgreSQL's CPU per node run.
/// </summary>
public static class FlowsScenario
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan OnTime = TimeSpan.FromSeconds(1);

    // The target of the node-start lateness p99 (issue 12): a downstream node is dispatched within
    // 200 ms of its last upstream node finishing.
    private const double LatenessTargetMs = 200;

    /// <summary>Runs it.</summary>
    public static async Task<Dictionary<string, object>> RunAsync(HttpClient http, BenchOptions options)
    {
        var n = options.Flows;
        if (options.Nodes < 2)
        {
            throw new ArgumentException($"--nodes must be at least 2 (a root and an http node); got {options.Nodes}");
        }

        await using var receiver = await NodeReceiver.StartAsync();
        var shape = FlowShape.Create(options.Nodes, receiver.Url);
        var prefix = Guid.NewGuid().ToString("N")[..6];

        // First cycles after registering is expected to be done (estimated at 100 flows/s), so
        // registering does not compete with the cycles; a registration that fails is counted, not retried.
        var firstSlot = DateTimeOffset.UtcNow.AddSeconds(20 + (n / 100.0));
        var starts = new DateTimeOffset?[n];
        var failures = 0;
        string? firstFailure = null;
        var registerTime = await Load.RunAsync(n, 32, async i =>
        {
            var start = firstSlot.AddMilliseconds(i * Interval.TotalMilliseconds / n);
            var body = new JsonObject
            {
                ["flow_id"] = FlowId(prefix, i),
                ["interval"] = (int)Interval.TotalSeconds,
                ["start_time"] = start.ToString("O", CultureInfo.InvariantCulture),
                ["flow_json"] = shape.Definition.DeepClone(),
            };
            try
            {
                using var response = await http.PostAsJsonAsync(new Uri("/api/v1/flows/execute", UriKind.Relative), body);
                if (response.IsSuccessStatusCode)
                {
                    starts[i] = start;
                    return;
                }

                Interlocked.CompareExchange(ref firstFailure, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}", null);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Interlocked.CompareExchange(ref firstFailure, ex.Message, null);
            }

            Interlocked.Increment(ref failures);
        });
        Console.Error.WriteLine($"[bench] registered {n - failures} of {n} flows in {registerTime.TotalSeconds:0.0} s"
            + (firstFailure is null ? "" : $"; first refusal: {firstFailure}"));
        var registered = Enumerable.Range(0, n).Where(i => starts[i] is not null).ToDictionary(i => FlowId(prefix, i), i => starts[i]!.Value, StringComparer.Ordinal);
        if (registered.Count == 0)
        {
            throw new InvalidOperationException($"no flow could be registered: {firstFailure}");
        }

        var done = DateTimeOffset.UtcNow;
        var measureFrom = done > firstSlot ? done.AddSeconds(5) : firstSlot;
        var measureTo = measureFrom.AddMinutes(options.Minutes);
        await Load.DelayUntilAsync(measureFrom);
        var siloBefore = options.SiloPids.Sum(ProcessStats.CpuSeconds);
        var pgBefore = ProcessStats.PostgresCpuSeconds(options.Data);
        while (DateTimeOffset.UtcNow < measureTo)
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            Console.Error.WriteLine($"[bench] {receiver.Arrivals.Count} http node calls so far");
        }

        var silo = options.SiloPids.Sum(ProcessStats.CpuSeconds) - siloBefore;
        var pg = ProcessStats.PostgresCpuSeconds(options.Data) - pgBefore;

        // The window's last cycles finish (a chain of four nodes, each well under a second), then
        // every cycle whose slot is in the window is read back.
        await Task.Delay(TimeSpan.FromSeconds(20));
        Console.Error.WriteLine("[bench] reading the cycles back...");
        var read = await ReadAsync(http, registered, measureFrom, measureTo);

        var cycles = read.Cycles;
        var nodes = cycles.SelectMany(c => c.Nodes).ToList();
        var nodeRuns = Math.Max(1, nodes.Sum(node => node.Attempts));
        var upstreamLateness = new Latencies();
        var callLateness = new Latencies();
        var lost = 0;
        foreach (var cycle in cycles)
        {
            var byId = cycle.Nodes.ToDictionary(node => node.NodeId, StringComparer.Ordinal);
            foreach (var node in cycle.Nodes.Where(node => node.StartedAt is not null))
            {
                var upstream = shape.Upstream[node.NodeId].Select(id => byId.GetValueOrDefault(id)?.FinishedAt).ToList();
                if (upstream.Count == 0 || upstream.Any(finished => finished is null))
                {
                    continue;
                }

                var ready = upstream.Max()!.Value;
                upstreamLateness.Add((node.StartedAt!.Value - ready).TotalMilliseconds);
                if (receiver.Arrivals.TryGetValue((cycle.FlowId, cycle.Cycle, node.NodeId), out var arrived))
                {
                    callLateness.Add((arrived - ready).TotalMilliseconds);
                }
                else if (shape.Http.Contains(node.NodeId) && node.State == "succeeded")
                {
                    lost++;
                }
            }
        }

        var startLateness = new Latencies();
        foreach (var cycle in cycles)
        {
            startLateness.Add(cycle.Lateness.TotalMilliseconds);
        }

        var expected = registered.Values.Sum(start => Slots.Count(start, Interval, measureFrom, measureTo));
        var seen = cycles.Count + read.Skipped;
        var states = cycles.GroupBy(c => c.State).ToDictionary(g => g.Key, g => g.LongCount(), StringComparer.Ordinal);
        return new Dictionary<string, object>
        {
            ["flows"] = n,
            ["nodes_per_flow"] = options.Nodes,
            ["http_nodes_per_flow"] = shape.Http.Count,
            ["interval_seconds"] = Interval.TotalSeconds,
            ["minutes"] = options.Minutes,
            ["register_per_second"] = Math.Round(n / registerTime.TotalSeconds, 1),
            ["register_failures"] = failures,
            ["cycles_expected"] = expected,
            ["cycles_succeeded"] = states.GetValueOrDefault("succeeded"),
            ["cycles_failed"] = states.GetValueOrDefault("failed"),
            ["cycles_stopped"] = states.GetValueOrDefault("stopped"),
            ["cycles_still_running"] = states.GetValueOrDefault("running"),
            ["cycles_skipped"] = read.Skipped,
            ["cycles_missing"] = Math.Max(0, expected - seen),
            ["cycles_on_time"] = cycles.Count(c => c.Lateness.Duration() < OnTime),
            ["cycle_start_late_p50_ms"] = Math.Round(startLateness.Percentile(50), 1),
            ["cycle_start_late_p99_ms"] = Math.Round(startLateness.Percentile(99), 1),
            ["cycle_start_late_max_ms"] = Math.Round(startLateness.Max, 1),
            ["node_start_after_upstream_p50_ms"] = Math.Round(upstreamLateness.Percentile(50), 1),
            ["node_start_after_upstream_p99_ms"] = Math.Round(upstreamLateness.Percentile(99), 1),
            ["node_start_after_upstream_max_ms"] = Math.Round(upstreamLateness.Max, 1),
            ["node_start_after_upstream_p99_under_200ms"] = upstreamLateness.Count > 0 && upstreamLateness.Percentile(99) < LatenessTargetMs,
            ["http_call_after_upstream_p50_ms"] = Math.Round(callLateness.Percentile(50), 1),
            ["http_call_after_upstream_p99_ms"] = Math.Round(callLateness.Percentile(99), 1),
            ["http_calls"] = receiver.Arrivals.Count,
            ["http_calls_repeated"] = receiver.Repeated.Count,
            ["http_nodes_succeeded_without_call"] = lost,
            ["node_runs"] = nodes.Sum(node => node.Attempts),
            ["node_states"] = string.Join(", ", nodes.GroupBy(node => node.State).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")),
            ["node_runs_per_second"] = Math.Round(nodeRuns / (measureTo - measureFrom).TotalSeconds, 1),
            ["read_failures"] = read.Failures,
            ["silo_cpu_seconds"] = Math.Round(silo, 1),
            ["silo_peak_rss_mib"] = Math.Round(options.SiloPids.Sum(ProcessStats.PeakRssMiB), 0),
            ["postgres_cpu_seconds"] = Math.Round(pg, 1),
            ["silo_cpu_ms_per_node_run"] = Math.Round(silo * 1000 / nodeRuns, 3),
            ["postgres_cpu_ms_per_node_run"] = Math.Round(pg * 1000 / nodeRuns, 3),
            ["cpu_ms_per_node_run"] = Math.Round((silo + pg) * 1000 / nodeRuns, 3),
        };
    }

    private static string FlowId(string prefix, int i) => $"bench-{prefix}-{i.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Every scheduled cycle of every flow whose slot is in [<paramref name="from"/>, <paramref name="to"/>),
    /// in detail, and how many of those slots the flow's trigger task skipped.
    /// </summary>
    private static async Task<CyclesRead> ReadAsync(HttpClient http, IReadOnlyDictionary<string, DateTimeOffset> flows, DateTimeOffset from, DateTimeOffset to)
    {
        var ids = flows.Keys.ToList();
        var cycles = new ConcurrentBag<ObservedCycle>();
        long skipped = 0;
        var failures = 0;
        await Load.RunAsync(ids.Count, 16, async i =>
        {
            var flowId = ids[i];
            var start = flows[flowId];
            var summaries = new List<JsonNode>();
            for (var offset = 0; ; offset += 100)
            {
                var page = await Load.TrySendAsync(http, HttpMethod.Get, $"/api/v1/flows/{flowId}/cycles?offset={offset}&limit=100");
                if (!page.Ok || page.Body?["cycles"] is not JsonArray list)
                {
                    Interlocked.Increment(ref failures);
                    break;
                }

                summaries.AddRange(list.OfType<JsonNode>());
                if (list.Count == 0 || offset + list.Count >= (page.Body["total"]?.GetValue<long>() ?? 0))
                {
                    break;
                }
            }

            foreach (var summary in summaries.Where(s => s["trigger"]?.GetValue<string>() == "scheduled"))
            {
                if (Time(summary["started_at"]) is not { } started || ObservedCycle.SlotOf(start, started) < from || ObservedCycle.SlotOf(start, started) >= to)
                {
                    continue;
                }

                var cycle = summary["cycle"]!.GetValue<long>();
                var detail = await Load.TrySendAsync(http, HttpMethod.Get, $"/api/v1/flows/{flowId}/cycles/{cycle.ToString(CultureInfo.InvariantCulture)}");
                if (detail is { Ok: true, Body: { } body })
                {
                    cycles.Add(ObservedCycle.From(flowId, start, body));
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }

            // Skipped slots (overlap) are the trigger task's skipped runs.
            var status = await Load.TrySendAsync(http, HttpMethod.Get, $"/api/v1/flows/{flowId}/status");
            if (status.Body?["trigger_task_id"]?.GetValue<string>() is { } taskId)
            {
                var runs = await Load.TrySendAsync(http, HttpMethod.Get, $"/api/v1/tasks/{taskId}/runs?limit=100");
                foreach (var run in (runs.Body?["runs"] as JsonArray ?? []).OfType<JsonNode>().Select(r => ObservedRun.From(taskId, r)))
                {
                    if (run.ScheduledAt >= from && run.ScheduledAt < to)
                    {
                        Interlocked.Add(ref skipped, run.SkippedSlots);
                    }
                }
            }
            else
            {
                Interlocked.Increment(ref failures);
            }
        });
        return new CyclesRead([.. cycles], skipped, failures);
    }

    private static DateTimeOffset? Time(JsonNode? node) =>
        node?.GetValue<string>() is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal) : null;

    private sealed record CyclesRead(IReadOnlyList<ObservedCycle> Cycles, long Skipped, int Failures);

    /// <summary>
    /// The benchmark's flow of <c>count</c> nodes <c>n0</c>..: <c>n0 → n1</c>, <c>n1</c> fans out to the
    /// middle nodes, which all feed the last one (with three nodes, a chain). Odd nodes are http
    /// nodes calling the receiver, even ones log nodes. <see cref="Upstream"/> is what each node waits for.
    /// </summary>
    private sealed record FlowShape(JsonObject Definition, IReadOnlyDictionary<string, string[]> Upstream, IReadOnlySet<string> Http)
    {
        public static FlowShape Create(int count, string url)
        {
            var ids = Enumerable.Range(0, count).Select(i => "n" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            var edges = new List<(string Source, string Target)> { (ids[0], ids[1]) };
            if (count >= 3)
            {
                var middle = ids[2..^1];
                edges.AddRange(middle.Length == 0 ? [(ids[1], ids[^1])] : middle.SelectMany(m => new[] { (ids[1], m), (m, ids[^1]) }));
            }

            var http = ids.Where((_, i) => i % 2 == 1).ToHashSet(StringComparer.Ordinal);
            var nodes = ids.Select((id, i) => (JsonNode)new JsonObject
            {
                ["id"] = id,
                ["type"] = http.Contains(id) ? "http" : "log",
                ["config"] = http.Contains(id)
                    ? new JsonObject { ["url"] = url, ["method"] = "POST", ["timeout_seconds"] = 10, ["max_retries"] = 0 }
                    : new JsonObject { ["step"] = i },
            });
            var definition = new JsonObject
            {
                ["nodes"] = new JsonArray([.. nodes]),
                ["edges"] = new JsonArray([.. edges.Select(e => (JsonNode)new JsonObject { ["source"] = e.Source, ["target"] = e.Target })]),
            };
            var upstream = ids.ToDictionary(id => id, id => edges.Where(e => e.Target == id).Select(e => e.Source).ToArray(), StringComparer.Ordinal);
            return new FlowShape(definition, upstream, http);
        }
    }

    /// <summary>One cycle as <c>GET /api/v1/flows/{id}/cycles/{n}</c> showed it, with how late it started after its slot.</summary>
    private sealed record ObservedCycle(string FlowId, long Cycle, string State, TimeSpan Lateness, IReadOnlyList<ObservedNode> Nodes)
    {
        public static ObservedCycle From(string flowId, DateTimeOffset start, JsonNode detail)
        {
            var started = Time(detail["started_at"]) ?? throw new InvalidOperationException($"cycle {detail["cycle"]} of {flowId} has no started_at");
            var nodes = (detail["nodes"] as JsonArray ?? []).OfType<JsonNode>().Select(node => new ObservedNode(
                node["node_id"]!.GetValue<string>(), node["state"]!.GetValue<string>(), node["attempts"]?.GetValue<int>() ?? 0,
                Time(node["started_at"]), Time(node["finished_at"]))).ToList();
            return new ObservedCycle(flowId, detail["cycle"]!.GetValue<long>(), detail["state"]!.GetValue<string>(), started - SlotOf(start, started), nodes);
        }

        /// <summary>
        /// The slot a cycle that started at <paramref name="started"/> belongs to: the last slot at or
        /// before it, where a start up to <see cref="OnTime"/> early counts for the next slot.
        /// </summary>
        public static DateTimeOffset SlotOf(DateTimeOffset start, DateTimeOffset started)
        {
            var k = Math.Max(0, (long)Math.Floor((started - start + OnTime) / Interval));
            return start + (Interval * k);
        }
    }

    private sealed record ObservedNode(string NodeId, string State, int Attempts, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

    /// <summary>
    /// The http nodes' endpoint: answers 200 with a small JSON body at once and keeps when each
    /// (flow, cycle, node) first arrived, from the body the node sends (flow_id, cycle, node_id, inputs).
    /// </summary>
    private sealed class NodeReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private NodeReceiver(WebApplication app) => _app = app;

        public ConcurrentDictionary<(string Flow, long Cycle, string Node), DateTimeOffset> Arrivals { get; } = new();

        public ConcurrentDictionary<(string Flow, long Cycle, string Node), int> Repeated { get; } = new();

        public string Url { get; private set; } = "";

        public static async Task<NodeReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var receiver = new NodeReceiver(app);
            app.MapPost("/node", receiver.HandleAsync);
            await app.StartAsync();
            receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/node";
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        private async Task HandleAsync(HttpContext context)
        {
            var arrived = DateTimeOffset.UtcNow;
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var root = body.RootElement;
            var key = (root.GetProperty("flow_id").GetString()!, root.GetProperty("cycle").GetInt64(), root.GetProperty("node_id").GetString()!);
            if (!Arrivals.TryAdd(key, arrived))
            {
                Repeated.AddOrUpdate(key, 2, (_, count) => count + 1);
            }

            var inputs = root.TryGetProperty("inputs", out var given) && given.ValueKind == JsonValueKind.Object ? given.EnumerateObject().Count() : 0;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject { ["received"] = key.Item3, ["cycle"] = key.Item2, ["inputs"] = inputs }.ToJsonString());
        }
    }
}

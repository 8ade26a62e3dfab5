using System.Text.Json.Nodes;

namespace Actors.Benchmarks;

/// <summary>
/// Create throughput and latency, then GET /tasks/{id} throughput and latency, each after a
/// warm-up that is not counted (a fresh cluster JIT-compiles and fills its connection pools first).
/// </summary>
public static class ApiScenario
{
    /// <summary>Runs it.</summary>
    public static async Task<Dictionary<string, object>> RunAsync(HttpClient http, BenchOptions options)
    {
        var prefix = "api-" + Guid.NewGuid().ToString("N")[..6];
        var warmIds = new string[Math.Max(1, options.ApiCreates / 2)];
        await Load.RunAsync(warmIds.Length, 64, async i => warmIds[i] = await Load.CreateAsync(http, Task(prefix + "-warm", i)));
        await Load.RunForAsync(TimeSpan.FromSeconds(5), 64, async n => await Load.GetAsync(http, $"/api/v1/tasks/{warmIds[n % warmIds.Length]}", new Latencies()));

        var ids = new string[options.ApiCreates];
        var creates = new Latencies();
        var createTime = await Load.RunAsync(ids.Length, 64, async i => ids[i] = await Load.CreateAsync(http, Task(prefix, i), creates));

        var gets = new Latencies();
        var duration = TimeSpan.FromSeconds(20);
        var done = await Load.RunForAsync(duration, 64, async _ => await Load.GetAsync(http, $"/api/v1/tasks/{ids[Random.Shared.Next(ids.Length)]}", gets));
        return new Dictionary<string, object>
        {
            ["creates"] = ids.Length,
            ["create_per_second"] = Math.Round(ids.Length / createTime.TotalSeconds, 1),
            ["create_p50_ms"] = Math.Round(creates.Percentile(50), 2),
            ["create_p99_ms"] = Math.Round(creates.Percentile(99), 2),
            ["get_per_second"] = Math.Round(done / duration.TotalSeconds, 1),
            ["get_p50_ms"] = Math.Round(gets.Percentile(50), 2),
            ["get_p99_ms"] = Math.Round(gets.Percentile(99), 2),
        };
    }

    /// <summary>A task that will not fire during the benchmark.</summary>
    public static JsonObject Task(string prefix, int i) => new()
    {
        ["account_id"] = $"{prefix}-{i}",
        ["sys_type"] = "bench",
        ["interval"] = 86_400,
    };
}

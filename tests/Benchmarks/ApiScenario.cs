using System.Text.Json.Nodes;

namespace Actors.Benchmarks;

/// <summary>Create throughput and latency, then GET /tasks/{id} throughput and latency.</summary>
public static class ApiScenario
{
    /// <summary>Runs it.</summary>
    public static async Task<Dictionary<string, object>> RunAsync(HttpClient http, BenchOptions options)
    {
        var prefix = "api-" + Guid.NewGuid().ToString("N")[..6];
        var ids = new string[options.ApiCreates];
        var creates = new Latencies();
        var createTime = await Load.RunAsync(ids.Length, 64, async i => ids[i] = await Load.CreateAsync(http, Task(prefix, i), creates));

        var gets = new Latencies();
        var random = new Random(1);
        var duration = TimeSpan.FromSeconds(20);
        var done = await Load.RunForAsync(duration, 64, async _ => await Load.GetAsync(http, $"/api/v1/tasks/{ids[random.Next(ids.Length)]}", gets));
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

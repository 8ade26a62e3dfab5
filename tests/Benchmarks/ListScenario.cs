namespace Actors.Benchmarks;

/// <summary>List and count latency with a large catalog (100,000 tasks by default).</summary>
public static class ListScenario
{
    /// <summary>Runs it.</summary>
    public static async Task<Dictionary<string, object>> RunAsync(HttpClient http, BenchOptions options)
    {
        var status = await Load.GetAsync(http, "/api/v1/dispatcher/status", new Latencies());
        var existing = status["total_tasks"]!.GetValue<long>();
        var missing = (int)Math.Max(0, options.ListTasks - existing);
        var prefix = "list-" + Guid.NewGuid().ToString("N")[..6];
        var fillTime = await Load.RunAsync(missing, 128, async i => await Load.CreateAsync(http, ApiScenario.Task(prefix, i)));
        Console.Error.WriteLine($"[bench] added {missing} tasks in {fillTime.TotalSeconds:0.0} s");

        var result = new Dictionary<string, object> { ["tasks"] = existing + missing };
        var queries = new (string Name, string Path)[]
        {
            ("list", "/api/v1/tasks/?limit=100"),
            ("list_status", "/api/v1/tasks/?status=pending&limit=100"),
            ("list_account", $"/api/v1/tasks/?account_id={prefix}-7"),
            ("list_deep_offset", $"/api/v1/tasks/?limit=100&offset={Math.Max(0, existing + missing - 100)}"),
            ("dispatcher_status", "/api/v1/dispatcher/status"),
        };
        // One request at a time: the target is the latency of a list or a count, and on two cores
        // concurrent requests would measure queueing behind each other instead.
        foreach (var (name, path) in queries)
        {
            var latencies = new Latencies();
            await Load.RunAsync(200, 1, async _ => await Load.GetAsync(http, path, latencies));
            result[$"{name}_p50_ms"] = Math.Round(latencies.Percentile(50), 2);
            result[$"{name}_p99_ms"] = Math.Round(latencies.Percentile(99), 2);
        }

        return result;
    }
}

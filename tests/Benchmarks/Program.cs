using System.Globalization;
using System.Text.Json;
using Actors.Benchmarks;

// The benchmark program: run by ops/bench against a cluster it started (see README in RESULTS.md).
var options = BenchOptions.Parse(args);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = options.Api,
    Timeout = TimeSpan.FromSeconds(30),
};
var results = new List<Dictionary<string, object>>();
foreach (var scenario in options.Scenarios)
{
    Console.Error.WriteLine($"[bench] scenario {scenario}...");
    var result = scenario switch
    {
        "schedule" => await ScheduleScenario.RunAsync(http, options),
        "api" => await ApiScenario.RunAsync(http, options),
        "list" => await ListScenario.RunAsync(http, options),
        _ => throw new ArgumentException($"unknown scenario '{scenario}': use schedule, api, list or all"),
    };
    result = new Dictionary<string, object>(result) { ["scenario"] = scenario, ["date"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) };
    results.Add(result);
    Console.WriteLine(JsonSerializer.Serialize(result));
}

Console.WriteLine();
Console.WriteLine(Report.Table(results));
return 0;

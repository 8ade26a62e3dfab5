using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Actors.Benchmarks;

// The benchmark program: run by ops/bench against a cluster it started (see README in RESULTS.md).
var options = BenchOptions.Parse(args);
if (options.Data.Length > 0)
{
    // ops/bench stops these process groups on its way out, whatever happened to this process.
    ChildProcess.RecordGroupsIn(Path.Combine(options.Data, "bench-groups"));
}

// Processes this program started (silos, ops/add-silo) are stopped on every way out: the end of the
// run, a failure, Ctrl-C or SIGTERM.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => ChildProcess.StopAll(TimeSpan.FromSeconds(10)));
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => ChildProcess.StopAll(TimeSpan.FromSeconds(10)));
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = options.Api,
    Timeout = TimeSpan.FromSeconds(30),
};
var results = new List<Dictionary<string, object>>();
try
{
    foreach (var scenario in options.Scenarios)
    {
        Console.Error.WriteLine($"[bench] scenario {scenario}...");
        var result = scenario switch
        {
            "schedule" => await ScheduleScenario.RunAsync(http, options),
            "api" => await ApiScenario.RunAsync(http, options),
            "list" => await ListScenario.RunAsync(http, options),
            "scaleout" => await ScaleOutScenario.RunAsync(http, options),
            "chaos" => await ChaosScenario.RunAsync(http, options),
            "outage" => await OutageScenario.RunAsync(http, options),
            "restart" => await RestartScenario.RunAsync(http, options),
            "overload" => await OverloadScenario.RunAsync(http, options),
            "agents" => await AgentsScenario.RunAsync(http, options),
            "flows" => await FlowsScenario.RunAsync(http, options),
            _ => throw new ArgumentException($"unknown scenario '{scenario}': use schedule, api, list, all, scaleout, chaos, outage, restart, overload, agents or flows"),
        };
        result = new Dictionary<string, object>(result) { ["scenario"] = scenario, ["date"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) };
        results.Add(result);
        Console.WriteLine(JsonSerializer.Serialize(result));
    }
}
finally
{
    ChildProcess.StopAll(TimeSpan.FromSeconds(30));
}

Console.WriteLine();
Console.WriteLine(Report.Table(results));
return 0;

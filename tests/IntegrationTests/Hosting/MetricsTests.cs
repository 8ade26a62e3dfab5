using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Actors.IntegrationTests.EndToEnd;
using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.Hosting;

/// <summary>Prometheus metrics: a silo serves its own on the port it is given, the Web API at <c>/metrics</c>.</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class MetricsTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly PostgresServer _postgres = new();
    private readonly int _metricsPort = FreePort.Next();
    private ClusterProcesses _cluster = null!;

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        _cluster = await ClusterProcesses.StartAsync(_postgres.ConnectionString, 1, new Dictionary<string, string>
        {
            ["Actors__Metrics__Port"] = _metricsPort.ToString(CultureInfo.InvariantCulture),
        });
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task TheSiloCountsRunsByExecutorAndOutcomeWithTheirLatenessOnItsOwnEndpointNamedInTheStatus()
    {
        await _cluster.CreateTaskAsync(new JsonObject { ["account_id"] = "metrics-ok", ["interval"] = 1, ["executor"] = "log" });
        await _cluster.CreateTaskAsync(new JsonObject
        {
            ["account_id"] = "metrics-bad", ["interval"] = 1, ["executor"] = "http", ["max_retries"] = 0,
            ["http"] = new JsonObject { ["url"] = $"http://127.0.0.1:{FreePort.Next()}/nobody-listens" },
        });

        var status = await _cluster.Http.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/status", UriKind.Relative));
        var url = status!["silos"]![0]!["metrics_url"]!.GetValue<string>();
        Assert.Equal($"http://127.0.0.1:{_metricsPort}/metrics", url);

        using var scraper = new HttpClient();
        var text = await Poll.UntilAsync(
            () => scraper.GetStringAsync(new Uri(url)),
            t => Value(t, "actors_runs_total", "executor=\"log\"", "outcome=\"succeeded\"") >= 2 && Value(t, "actors_runs_total", "executor=\"http\"", "outcome=\"failed\"") >= 1,
            Deadline,
            "runs counted by executor and outcome");

        Assert.True(Value(text, "actors_run_lateness_seconds_count") >= 3);
        Assert.Contains("actors_run_lateness_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("actors_runs_in_flight{", text, StringComparison.Ordinal);
        Assert.Contains("db_client_operation_duration_seconds_bucket{", text, StringComparison.Ordinal); // Npgsql
        Assert.Contains("dotnet_gc_collections_total", text, StringComparison.Ordinal); // runtime
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWebApiServesTaskCountsByStatusAndItsRequests()
    {
        await _cluster.CreateTaskAsync(new JsonObject { ["account_id"] = "metrics-counted", ["interval"] = 3600, ["executor"] = "log" });

        var text = await Poll.UntilAsync(
            () => _cluster.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative)),
            t => Value(t, "actors_tasks", "status=\"pending\"") >= 1,
            Deadline,
            "the pending task counted (refreshed every 15 s)");

        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("actors_tasks{", text, StringComparison.Ordinal);
    }

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels contain every one of <paramref name="labels"/>.</summary>
    private static double Value(string text, string name, params string[] labels) =>
        Sample().Matches(text)
            .Where(m => m.Groups["name"].Value == name && labels.All(l => m.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-z_:][a-z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>[-+0-9.eE]+|NaN)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}

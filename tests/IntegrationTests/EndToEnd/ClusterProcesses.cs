using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.EndToEnd;

/// <summary>Real silo processes and a real Web API process on one PostgreSQL database, all on loopback.</summary>
public sealed class ClusterProcesses : IAsyncDisposable
{
    private readonly Dictionary<int, (int SiloPort, int GatewayPort)> _ports = [];
    private readonly List<ServiceProcess> _all = [];
    private readonly IReadOnlyDictionary<string, string> _siloSettings;
    private readonly IReadOnlyDictionary<string, string> _apiSettings;

    private ClusterProcesses(string connectionString, IReadOnlyDictionary<string, string>? siloSettings, IReadOnlyDictionary<string, string>? apiSettings)
    {
        ConnectionString = connectionString;
        _siloSettings = siloSettings ?? new Dictionary<string, string>();
        _apiSettings = apiSettings ?? new Dictionary<string, string>();
        ApiPort = FreePort.Next();
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ApiPort}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The database.</summary>
    public string ConnectionString { get; }

    /// <summary>The Web API port.</summary>
    public int ApiPort { get; }

    /// <summary>A client of the Web API.</summary>
    public HttpClient Http { get; }

    /// <summary>Running silos by index.</summary>
    public Dictionary<int, ServiceProcess> Silos { get; } = [];

    /// <summary>The Web API process.</summary>
    public ServiceProcess? Api { get; private set; }

    /// <summary>
    /// Starts <paramref name="silos"/> silos (with <paramref name="siloSettings"/> as extra
    /// environment) and the Web API (with <paramref name="apiSettings"/>), and waits until the API reports healthy.
    /// </summary>
    public static async Task<ClusterProcesses> StartAsync(
        string connectionString, int silos, IReadOnlyDictionary<string, string>? siloSettings = null, IReadOnlyDictionary<string, string>? apiSettings = null)
    {
        var cluster = new ClusterProcesses(connectionString, siloSettings, apiSettings);
        for (var i = 0; i < silos; i++)
        {
            cluster.StartSilo(i);
        }

        cluster.StartApi();
        await cluster.WaitHealthyAsync(silos);
        return cluster;
    }

    /// <summary>Starts the Web API (again, on the same port after a kill).</summary>
    public void StartApi()
    {
        Api = ServiceProcess.Start("webapi", RepoPaths.WebApiDll, new Dictionary<string, string>(_apiSettings)
        {
            ["Actors__Postgres"] = ConnectionString,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ApiPort}",
        });
        _all.Add(Api);
    }

    /// <summary>kill -9 of every silo and the Web API, as a power cut would.</summary>
    public async Task KillAllAsync()
    {
        foreach (var process in _all)
        {
            await process.KillAsync();
        }
    }

    /// <summary>Starts silo <paramref name="index"/> (again, on the same ports after a kill).</summary>
    public ServiceProcess StartSilo(int index)
    {
        if (!_ports.TryGetValue(index, out var ports))
        {
            ports = _ports[index] = (FreePort.Next(), FreePort.Next());
        }

        var environment = new Dictionary<string, string>(_siloSettings)
        {
            ["Actors__Postgres"] = ConnectionString,
            ["Actors__Silo__SiloPort"] = ports.SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Actors__Silo__GatewayPort"] = ports.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Actors__Silo__Name"] = $"silo-{index}",
        };
        var silo = ServiceProcess.Start($"silo-{index}", RepoPaths.SiloDll, environment);
        Silos[index] = silo;
        _all.Add(silo);
        return silo;
    }

    /// <summary>Waits until /health is 200 and reports at least <paramref name="silos"/> active silos.</summary>
    public Task WaitHealthyAsync(int silos) => Poll.UntilAsync(
        async () =>
        {
            using var response = await Http.GetAsync(new Uri("/health", UriKind.Relative));
            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            return response.IsSuccessStatusCode ? body!["checks"]!["cluster"]!["details"]!["active_silos"]!.GetValue<int>() : 0;
        },
        active => active >= silos,
        TimeSpan.FromSeconds(120),
        $"{silos} active silo(s) behind a healthy Web API",
        Logs);

    /// <summary>Creates a task and returns its id.</summary>
    public async Task<string> CreateTaskAsync(JsonObject request)
    {
        using var response = await Http.PostAsJsonAsync(new Uri("/api/v1/tasks/", UriKind.Relative), request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Create failed ({(int)response.StatusCode}): {body}");
        }

        return JsonNode.Parse(body)!["task_id"]!.GetValue<string>();
    }

    /// <summary>
    /// Stops silo <paramref name="index"/> as an operator would (SIGTERM) and waits for it to exit;
    /// returns how long the stop took.
    /// </summary>
    public async Task<TimeSpan> StopSiloGracefullyAsync(int index, TimeSpan timeout)
    {
        var started = DateTimeOffset.UtcNow;
        Silos[index].Terminate();
        await Silos[index].WaitForExitAsync(timeout);
        return DateTimeOffset.UtcNow - started;
    }

    /// <summary>The active silos' addresses by name, from <c>/api/v1/status</c>.</summary>
    public async Task<Dictionary<string, string>> ActiveSilosAsync()
    {
        var status = await Http.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/status", UriKind.Relative));
        return status!["silos"]!.AsArray()
            .Where(s => s!["status"]!.GetValue<string>() == "active")
            .ToDictionary(s => s!["name"]!.GetValue<string>(), s => s!["address"]!.GetValue<string>(), StringComparer.Ordinal);
    }

    /// <summary>A task's run history, newest first.</summary>
    public async Task<JsonArray> RunsAsync(string taskId, int limit = 1000) =>
        (await Http.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/tasks/{taskId}/runs?limit={limit}", UriKind.Relative)))!["runs"]!.AsArray();

    /// <summary>
    /// Every finished run that started at or after <paramref name="since"/>, across tasks, from
    /// <c>GET /api/v1/runs</c>: unlike a task's own run list it calls no task grain, so reading it
    /// never wakes a task that is waiting for its reminder.
    /// </summary>
    public async Task<List<JsonNode>> RunsSinceAsync(DateTimeOffset since)
    {
        var runs = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var query = $"/api/v1/runs?since={Uri.EscapeDataString(since.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}&limit=1000"
                + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = (await Http.GetFromJsonAsync<JsonObject>(new Uri(query, UriKind.Relative)))!;
            runs.AddRange(page["runs"]!.AsArray().Select(r => r!));
            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        return runs;
    }

    /// <summary>GET /api/v1/tasks/{id}.</summary>
    public async Task<JsonObject> GetTaskAsync(string taskId) =>
        (await Http.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/tasks/{taskId}", UriKind.Relative)))!;

    /// <summary>The processes' recent output, for failure messages.</summary>
    public string Logs() => string.Join(Environment.NewLine, _all.Select(p => $"--- {p.Name} (running: {p.IsRunning}) ---{Environment.NewLine}{p.Tail}"));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        foreach (var process in _all)
        {
            await process.DisposeAsync();
        }
    }
}

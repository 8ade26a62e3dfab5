using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.EndToEnd;

/// <summary>Real silo processes and a real Web API process on one PostgreSQL database, all on loopback.</summary>
public sealed class ClusterProcesses : IAsyncDisposable
{
    private readonly Dictionary<int, (int SiloPort, int GatewayPort)> _ports = [];
    private readonly List<ServiceProcess> _all = [];

    private ClusterProcesses(string connectionString)
    {
        ConnectionString = connectionString;
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

    /// <summary>Starts <paramref name="silos"/> silos and the Web API, and waits until the API reports healthy.</summary>
    public static async Task<ClusterProcesses> StartAsync(string connectionString, int silos)
    {
        var cluster = new ClusterProcesses(connectionString);
        for (var i = 0; i < silos; i++)
        {
            cluster.StartSilo(i);
        }

        cluster.Api = ServiceProcess.Start("webapi", RepoPaths.WebApiDll, new Dictionary<string, string>
        {
            ["Actors__Postgres"] = connectionString,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{cluster.ApiPort}",
        });
        cluster._all.Add(cluster.Api);
        await cluster.WaitHealthyAsync(silos);
        return cluster;
    }

    /// <summary>Starts silo <paramref name="index"/> (again, on the same ports after a kill).</summary>
    public ServiceProcess StartSilo(int index)
    {
        if (!_ports.TryGetValue(index, out var ports))
        {
            ports = _ports[index] = (FreePort.Next(), FreePort.Next());
        }

        var silo = ServiceProcess.Start($"silo-{index}", RepoPaths.SiloDll, new Dictionary<string, string>
        {
            ["Actors__Postgres"] = ConnectionString,
            ["Actors__Silo__SiloPort"] = ports.SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Actors__Silo__GatewayPort"] = ports.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Actors__Silo__Name"] = $"silo-{index}",
        });
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

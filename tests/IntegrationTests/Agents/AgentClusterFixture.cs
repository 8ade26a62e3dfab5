using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Actors.IntegrationTests.EndToEnd;
using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.Agents;

/// <summary>
/// One silo and the Web API on a throwaway PostgreSQL, with short agent timings (heartbeat 1 s,
/// offline after 3 s, leases kept 15 s, offers 3 s) so losing an agent is seen in seconds. Facts use
/// labels of their own, so their agents never take each other's runs.
/// </summary>
public sealed class AgentClusterFixture : IAsyncLifetime
{
    /// <summary>How long a lost agent keeps its runs here.</summary>
    public static readonly TimeSpan LeaseGrace = TimeSpan.FromSeconds(15);

    private readonly List<ServiceProcess> _agents = [];

    /// <summary>The database.</summary>
    public PostgresServer Postgres { get; } = new();

    /// <summary>The cluster.</summary>
    public ClusterProcesses Cluster { get; private set; } = null!;

    /// <summary>The Web API's address.</summary>
    public Uri Api => Cluster.Http.BaseAddress!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Postgres.InitializeAsync();
        Cluster = await ClusterProcesses.StartAsync(Postgres.ConnectionString, 1, new Dictionary<string, string>
        {
            ["Actors__Agents__HeartbeatSeconds"] = "1",
            ["Actors__Agents__HeartbeatTimeoutSeconds"] = "3",
            ["Actors__Agents__LeaseGraceSeconds"] = ((int)LeaseGrace.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Actors__Agents__OfferTimeoutSeconds"] = "3",
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }

        await Cluster.DisposeAsync();
        await Postgres.DisposeAsync();
    }

    /// <summary>Starts the reference agent (<c>actors agent</c>) as a real process.</summary>
    public ServiceProcess StartAgent(string name, string[] labels, string[]? taskTypes = null, int maxConcurrent = 1)
    {
        string[] arguments = ["agent", "--server", Api.ToString().TrimEnd('/'), "--name", name, "--labels", string.Join(',', labels), "--max-concurrent", maxConcurrent.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (taskTypes is { Length: > 0 })
        {
            arguments = [.. arguments, "--task-types", string.Join(',', taskTypes)];
        }

        var agent = ServiceProcess.Start($"agent-{name}", RepoPaths.CliDll, new Dictionary<string, string>(), arguments);
        _agents.Add(agent);
        return agent;
    }

    /// <summary>Waits until the agent is online.</summary>
    public Task WaitOnlineAsync(string name) => Poll.UntilAsync(
        async () => (await Cluster.Http.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/agents?online=true", UriKind.Relative)))!["agents"]!.AsArray().Any(a => a!["name"]!.GetValue<string>() == name),
        online => online,
        TimeSpan.FromSeconds(30),
        $"agent {name} online");

    /// <summary>An agent task needing <paramref name="labels"/> that runs once, now.</summary>
    public static JsonObject AgentTask(string account, string[] labels, JsonNode command, int maxRetries = 0, string? taskType = null, int queueTimeoutSeconds = 60) => new()
    {
        ["account_id"] = account,
        ["schedule_mode"] = "once",
        ["run_at"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["executor"] = "agent",
        ["agent"] = new JsonObject { ["labels"] = new JsonArray([.. labels.Select(l => JsonValue.Create(l))]), ["command"] = command },
        ["task_type"] = taskType ?? "xhs_type",
        ["max_retries"] = maxRetries,
        ["retry_backoff_seconds"] = 0.2,
        ["timeout_seconds"] = 60,
        ["queue_timeout_seconds"] = queueTimeoutSeconds,
        ["kwargs"] = new JsonObject { ["greeting"] = "hello" },
    };

    /// <summary>The task's runs (newest first) once <paramref name="until"/> holds for them.</summary>
    public Task<List<JsonObject>> RunsWhenAsync(string taskId, Func<List<JsonObject>, bool> until, string what, TimeSpan? timeout = null) => Poll.UntilAsync(
        async () => (await Cluster.RunsAsync(taskId)).Select(r => r!.AsObject()).ToList(),
        until,
        timeout ?? TimeSpan.FromSeconds(60),
        what);
}

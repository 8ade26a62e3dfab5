using System.Text.Json.Nodes;
using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.EndToEnd;

/// <summary>
/// What the end-to-end fixtures share: their own throwaway PostgreSQL, a webhook receiver, and a
/// cluster of real processes started by <see cref="RunAsync"/>, which also plays the scenario.
/// </summary>
public abstract class ProcessClusterFixture(bool durableCommits = false) : IAsyncLifetime
{
    /// <summary>The database (<c>durableCommits</c>: an immediate shutdown loses no acknowledged write).</summary>
    public PostgresServer Postgres { get; } = new() { DurableCommits = durableCommits };

    /// <summary>The receiver.</summary>
    public WebhookReceiver Receiver { get; private set; } = null!;

    /// <summary>The cluster.</summary>
    public ClusterProcesses Cluster { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Postgres.InitializeAsync();
        Receiver = await WebhookReceiver.StartAsync();
        await RunAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        await Receiver.DisposeAsync();
        await Postgres.DisposeAsync();
    }

    /// <summary>Starts the cluster and plays the scenario, recording what the facts check.</summary>
    protected abstract Task RunAsync();

    /// <summary>Starts <paramref name="silos"/> silos and the Web API on the fixture's database.</summary>
    protected async Task StartClusterAsync(int silos) => Cluster = await ClusterProcesses.StartAsync(Postgres.ConnectionString, silos);

    /// <summary>A webhook task calling <paramref name="path"/> on the receiver, starting at once, with three retries.</summary>
    protected JsonObject WebhookTask(string account, string path, int intervalSeconds, int timeoutSeconds) => new()
    {
        ["account_id"] = account,
        ["interval"] = intervalSeconds,
        ["run_immediately"] = true,
        ["executor"] = "http",
        ["http"] = new JsonObject { ["url"] = Receiver.Url(path) },
        ["timeout_seconds"] = timeoutSeconds,
        ["max_retries"] = 3,
        ["retry_backoff_seconds"] = 0.5,
    };

    /// <summary>
    /// Run ids of <paramref name="tasks"/> in flight on <paramref name="silo"/> right now: their
    /// history says running there and the receiver holds the request.
    /// </summary>
    protected async Task<HashSet<string>> InFlightAsync(IEnumerable<string> tasks, string silo)
    {
        var running = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in tasks)
        {
            var run = (await Cluster.RunsAsync(id, 1)).FirstOrDefault();
            if (run?["outcome"]?.GetValue<string>() == "running" && run["silo"]?.GetValue<string>() == silo
                && Receiver.InProgress.ContainsKey(run["run_id"]!.GetValue<string>()))
            {
                running.Add(run["run_id"]!.GetValue<string>());
            }
        }

        return running;
    }
}

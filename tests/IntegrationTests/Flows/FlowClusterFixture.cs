using Actors.IntegrationTests.EndToEnd;
using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.Flows;

/// <summary>
/// One silo and the Web API as real processes on a throwaway PostgreSQL, and a flow receiver for
/// the http nodes. Tests share it, each with flow ids and receiver paths of its own.
/// </summary>
public class FlowClusterFixture : IAsyncLifetime
{
    private readonly int _silos;

    /// <summary>A fixture with one silo.</summary>
    public FlowClusterFixture()
        : this(silos: 1)
    {
    }

    /// <summary>A fixture with <paramref name="silos"/> silos.</summary>
    protected FlowClusterFixture(int silos) => _silos = silos;

    /// <summary>The database.</summary>
    public PostgresServer Postgres { get; } = new();

    /// <summary>The receiver the http nodes call.</summary>
    public FlowReceiver Receiver { get; private set; } = null!;

    /// <summary>The cluster.</summary>
    public ClusterProcesses Cluster { get; private set; } = null!;

    /// <summary>The flows endpoints.</summary>
    public FlowsApi Flows { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Postgres.InitializeAsync();
        Receiver = await FlowReceiver.StartAsync();
        Cluster = await ClusterProcesses.StartAsync(Postgres.ConnectionString, _silos);
        Flows = new FlowsApi(Cluster.Http, Cluster.Logs);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }

        await Postgres.DisposeAsync();
    }

    /// <summary>The receiver URL of a node of a flow: <c>/{flow}/{node}</c>.</summary>
    public string NodeUrl(string flowId, string nodeId) => Receiver.Url(NodePath(flowId, nodeId));

    /// <summary>The receiver path of a node of a flow.</summary>
    public static string NodePath(string flowId, string nodeId) => $"{flowId}/{nodeId}";
}

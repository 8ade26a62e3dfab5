using Actors.IntegrationTests.EndToEnd;

namespace Actors.IntegrationTests.Cli;

/// <summary>One silo and the Web API as processes on a throwaway PostgreSQL, and the command line pointed at them.</summary>
public sealed class CliClusterFixture() : ProcessClusterFixture
{
    /// <summary>The command line, with <c>ACTORS_URL</c> set to the cluster's Web API.</summary>
    public ActorsCli Cli { get; private set; } = null!;

    /// <inheritdoc />
    protected override async Task RunAsync()
    {
        await StartClusterAsync(silos: 1);
        Cli = new ActorsCli($"http://127.0.0.1:{Cluster.ApiPort}");
    }
}

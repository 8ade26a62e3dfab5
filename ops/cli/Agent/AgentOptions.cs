namespace Actors.Cli.Agent;

/// <summary>What <c>actors agent</c> was started with.</summary>
public sealed record AgentOptions
{
    /// <summary>The Web API, e.g. <c>http://127.0.0.1:8080</c>.</summary>
    public required Uri Server { get; init; }

    /// <summary>The agent's name.</summary>
    public required string Name { get; init; }

    /// <summary>Its labels.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The task types it runs (empty: any).</summary>
    public IReadOnlyList<string> TaskTypes { get; init; } = [];

    /// <summary>Runs at once.</summary>
    public int MaxConcurrent { get; init; } = 1;

    /// <summary>The agent token, when the server wants one.</summary>
    public string? Token { get; init; }

    /// <summary>The longest wait between reconnects.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The WebSocket address of the server's agent endpoint.</summary>
    public Uri Endpoint => new UriBuilder(Server) { Scheme = Server.Scheme == "https" ? "wss" : "ws", Path = "/api/v1/agents/connect" }.Uri;
}

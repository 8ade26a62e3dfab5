namespace Actors.Grains;

/// <summary>
/// The one place agents and agent runs meet (key 0): connected agents and their sessions, the runs
/// waiting for an agent, offers and leases with their fencing tokens, results. Agent sessions (the
/// Web API's WebSocket handlers) and the <c>agent</c> executor (in the silos) call it.
/// </summary>
[Alias("actors.agent-hub")]
public interface IAgentHubGrain : IGrainWithIntegerKey
{
    /// <summary>An agent connected (or reconnected): its registration, and the runs it still executes.</summary>
    [Alias("register")]
    Task<AgentSession> RegisterAsync(AgentRegistration registration);

    /// <summary>A heartbeat; false when the session is not the agent's current one (register again).</summary>
    [Alias("heartbeat")]
    Task<bool> HeartbeatAsync(string agent, long epoch);

    /// <summary>Messages for the agent, waiting up to <paramref name="wait"/> for one; null when the session is not current.</summary>
    [Alias("poll"), AlwaysInterleave]
    Task<AgentMessage[]?> PollAsync(string agent, long epoch, TimeSpan wait);

    /// <summary>The agent accepts an offer.</summary>
    [Alias("accept")]
    Task<AgentReply> AcceptAsync(string agent, long epoch, AgentLease lease);

    /// <summary>The agent declines an offer (it goes back to the queue).</summary>
    [Alias("decline")]
    Task DeclineAsync(string agent, long epoch, AgentLease lease, string reason);

    /// <summary>A run ended on the agent.</summary>
    [Alias("result")]
    Task<AgentReply> ResultAsync(string agent, long epoch, AgentRunResult result);

    /// <summary>Output lines of a run in flight (kept as its output excerpt when the result has none).</summary>
    [Alias("log")]
    Task LogAsync(string agent, long epoch, AgentLease lease, string text);

    /// <summary>The session's connection closed: its leases are kept for the grace period.</summary>
    [Alias("disconnected")]
    Task DisconnectedAsync(string agent, long epoch);

    /// <summary>The executor hands an attempt to the agents (again, when the hub had lost it).</summary>
    [Alias("enqueue")]
    Task EnqueueAsync(AgentWork work);

    /// <summary>Where the attempt stands, waiting up to <paramref name="wait"/> for it to end.</summary>
    [Alias("await"), AlwaysInterleave]
    Task<AgentRunStatus> AwaitAsync(string runId, int attempt, TimeSpan wait);

    /// <summary>The executor gives the attempt up (its timeout, or the task abandoned it): the agent is told to kill it.</summary>
    [Alias("cancel")]
    Task CancelAsync(string runId, int attempt, string reason);

    /// <summary>Every known agent, by name.</summary>
    [Alias("list"), AlwaysInterleave]
    Task<AgentInfo[]> ListAsync();

    /// <summary>Agents online, offline and draining; runs waiting and running.</summary>
    [Alias("counts"), AlwaysInterleave]
    Task<AgentCounts> CountsAsync();

    /// <summary>Stops offering runs to an agent; false when it is unknown.</summary>
    [Alias("drain")]
    Task<bool> DrainAsync(string agent);

    /// <summary>Tells a connected agent to finish its runs and exit (it is drained too); null when unknown, false when not connected.</summary>
    [Alias("shutdown")]
    Task<bool?> ShutdownAsync(string agent);

    /// <summary>Forgets an offline agent; null when unknown, false when it is online (refused).</summary>
    [Alias("forget")]
    Task<bool?> ForgetAsync(string agent);
}

namespace Actors.Grains.Agents;

/// <summary>The agent hub's timings.</summary>
public sealed class AgentHubOptions
{
    /// <summary>How often agents send a heartbeat.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>An agent not heard from for this long is offline.</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long an offline agent keeps its runs before they are abandoned (and retried elsewhere).</summary>
    public TimeSpan LeaseGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an agent has to accept an offer before it goes back to the queue.</summary>
    public TimeSpan OfferTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a finished run is remembered, to answer a repeated result with its outcome.</summary>
    public TimeSpan FinishedKept { get; set; } = TimeSpan.FromMinutes(10);
}

namespace Actors.Silo.Configuration;

/// <summary>Agent timings (section <c>Actors:Agents</c>).</summary>
public sealed class AgentSettings
{
    /// <summary>Seconds between an agent's heartbeats.</summary>
    public int HeartbeatSeconds { get; set; } = 5;

    /// <summary>An agent silent this long is offline.</summary>
    public int HeartbeatTimeoutSeconds { get; set; } = 15;

    /// <summary>How long an offline agent keeps its runs before they are abandoned and retried elsewhere.</summary>
    public int LeaseGraceSeconds { get; set; } = 30;

    /// <summary>How long an agent has to accept an offer.</summary>
    public int OfferTimeoutSeconds { get; set; } = 5;
}

namespace Actors.Grains;

/// <summary>See <see cref="AgentRunStatus.State"/>.</summary>
[GenerateSerializer, Alias("actors.agent-run-state")]
public enum AgentRunState
{
    /// <summary>The hub does not know it.</summary>
    Unknown = 0,

    /// <summary>Waiting for a matching agent.</summary>
    Waiting = 1,

    /// <summary>Offered; the agent has not accepted yet.</summary>
    Offered = 2,

    /// <summary>Running on an agent.</summary>
    Running = 3,

    /// <summary>Ended.</summary>
    Finished = 4,
}

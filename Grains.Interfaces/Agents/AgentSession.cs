namespace Actors.Grains;

/// <summary>The answer to a registration: the session's epoch, or every problem with it.</summary>
[GenerateSerializer, Immutable, Alias("actors.agent-session")]
public sealed record AgentSession
{
    /// <summary>The session's epoch: messages of an older session of the same agent are refused.</summary>
    [Id(0)] public long Epoch { get; init; }

    /// <summary>Why the registration was refused (empty: it was taken).</summary>
    [Id(1)] public FieldError[] Errors { get; init; } = [];

    /// <summary>Seconds between heartbeats the agent should send.</summary>
    [Id(2)] public int HeartbeatSeconds { get; init; }

    /// <summary>Seconds a disconnected agent keeps its runs.</summary>
    [Id(3)] public int LeaseGraceSeconds { get; init; }
}

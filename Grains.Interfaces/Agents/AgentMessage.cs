namespace Actors.Grains;

/// <summary>Something the server tells an agent: an offer, a cancel, drain or shutdown.</summary>
[GenerateSerializer, Immutable, Alias("actors.agent-message")]
public sealed record AgentMessage
{
    /// <summary>What it is.</summary>
    [Id(0)] public AgentMessageKind Kind { get; init; }

    /// <summary>For an offer: the work.</summary>
    [Id(1)] public AgentWork? Work { get; init; }

    /// <summary>For an offer or a cancel: the attempt and its fencing token.</summary>
    [Id(2)] public AgentLease? Lease { get; init; }

    /// <summary>Why (a cancel).</summary>
    [Id(3)] public string? Reason { get; init; }
}

namespace Actors.Grains;

/// <summary>The server's answer to an agent's accept or result.</summary>
[GenerateSerializer, Immutable, Alias("actors.agent-reply")]
public sealed record AgentReply
{
    /// <summary>Taken, a repeat of what was taken, or refused.</summary>
    [Id(0)] public AgentVerdict Verdict { get; init; }

    /// <summary>The run's recorded outcome (a result taken now or before).</summary>
    [Id(1)] public RunOutcome? Outcome { get; init; }

    /// <summary>Why it was refused.</summary>
    [Id(2)] public string? Reason { get; init; }

    /// <summary>Taken.</summary>
    public static AgentReply Accepted(RunOutcome? outcome = null) => new() { Verdict = AgentVerdict.Accepted, Outcome = outcome };

    /// <summary>Refused, and why.</summary>
    public static AgentReply Refused(string reason) => new() { Verdict = AgentVerdict.Refused, Reason = reason };
}

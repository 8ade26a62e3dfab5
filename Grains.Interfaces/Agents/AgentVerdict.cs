namespace Actors.Grains;

/// <summary>What became of an agent's accept or result.</summary>
[GenerateSerializer, Alias("actors.agent-verdict")]
public enum AgentVerdict
{
    /// <summary>Taken.</summary>
    Accepted = 0,

    /// <summary>The same result was taken before: nothing changed.</summary>
    Duplicate = 1,

    /// <summary>Refused: a stale attempt or token, an expired offer, or an unknown session.</summary>
    Refused = 2,
}

namespace Actors.Grains;

/// <summary>One attempt of a run held by an agent, fenced by the token of the offer it accepted.</summary>
[GenerateSerializer, Immutable, Alias("actors.agent-lease")]
public sealed record AgentLease(
    [property: Id(0)] string RunId,
    [property: Id(1)] int Attempt,
    [property: Id(2)] string Token);

using Actors.Grains;

namespace Actors.WebApi.Agents;

/// <summary>A message from an agent, read (see PROTOCOL.md): its type and what it carries.</summary>
public sealed record AgentInbound(string Type)
{
    /// <summary>register: the registration.</summary>
    public AgentRegistration? Registration { get; init; }

    /// <summary>accept, decline, log: the attempt and its token.</summary>
    public AgentLease? Lease { get; init; }

    /// <summary>result: how the run ended.</summary>
    public AgentRunResult? Result { get; init; }

    /// <summary>log: the text; decline: the reason.</summary>
    public string? Text { get; init; }
}

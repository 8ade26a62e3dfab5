namespace Actors.Grains.Agents;

/// <summary>A waiting run offered to an agent.</summary>
public sealed record AgentAssignment(WaitingRun Run, string Agent);

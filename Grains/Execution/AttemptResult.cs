namespace Actors.Grains.Execution;

/// <summary>The outcome of one attempt after timeout and fault handling; output is at most 4 KB.</summary>
public sealed record AttemptResult(RunOutcome Outcome, string? Output, string? Error);

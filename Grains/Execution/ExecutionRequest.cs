namespace Actors.Grains.Execution;

/// <summary>One attempt of one round, as an executor sees it.</summary>
public sealed record ExecutionRequest(
    Guid TaskId,
    string RunId,
    long Round,
    int Attempt,
    DateTimeOffset ScheduledAt,
    TaskSpec Spec);

namespace Actors.Grains;

/// <summary>A task with a run in flight.</summary>
[GenerateSerializer, Immutable, Alias("actors.running-task")]
public sealed record RunningTask(
    [property: Id(0)] Guid TaskId,
    [property: Id(1)] string AccountId,
    [property: Id(2)] DateTimeOffset? StartedAt);

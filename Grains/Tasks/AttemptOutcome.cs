namespace Actors.Grains.Tasks;

/// <summary>An attempt's result on its way back to the grain.</summary>
[GenerateSerializer, Immutable, Alias("actors.attempt-outcome")]
internal sealed record AttemptOutcome(
    [property: Id(0)] RunOutcome Outcome,
    [property: Id(1)] string? Output,
    [property: Id(2)] string? Error);

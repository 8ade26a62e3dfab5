namespace Actors.Grains;

/// <summary>A daily window as the client wrote it: <c>HH:mm</c> start and end, end exclusive.</summary>
[GenerateSerializer, Immutable, Alias("actors.time-slot-request")]
public sealed record TimeSlotRequest(
    [property: Id(0)] string? StartTime,
    [property: Id(1)] string? EndTime);

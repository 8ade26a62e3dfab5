namespace Actors.Grains;

/// <summary>A silo as the answering silo's membership view sees it (kept in memory, so it answers while storage is down).</summary>
[GenerateSerializer, Immutable, Alias("actors.silo-view")]
public sealed record SiloView(
    [property: Id(0)] string Address,
    [property: Id(1)] string Name,
    [property: Id(2)] string Status,
    [property: Id(3)] int LocalTasks);

namespace Actors.Grains;

/// <summary>How many tasks are in each status.</summary>
[GenerateSerializer, Immutable, Alias("actors.status-counts")]
public sealed record StatusCounts
{
    /// <summary>Pending.</summary>
    [Id(0)] public long Pending { get; init; }

    /// <summary>Running.</summary>
    [Id(1)] public long Running { get; init; }

    /// <summary>Paused.</summary>
    [Id(2)] public long Paused { get; init; }

    /// <summary>Completed.</summary>
    [Id(3)] public long Completed { get; init; }

    /// <summary>Error.</summary>
    [Id(4)] public long Error { get; init; }

    /// <summary>All tasks.</summary>
    public long Total => Pending + Running + Paused + Completed + Error;
}

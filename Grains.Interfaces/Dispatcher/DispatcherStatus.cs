namespace Actors.Grains;

/// <summary>The dispatcher switch and the task counts.</summary>
[GenerateSerializer, Immutable, Alias("actors.dispatcher-status")]
public sealed record DispatcherStatus
{
    /// <summary>Whether runs may start.</summary>
    [Id(0)] public bool IsRunning { get; init; }

    /// <summary>Tasks per status.</summary>
    [Id(1)] public StatusCounts Counts { get; init; } = new();

    /// <summary>Tasks with a run in flight (at most a page of them).</summary>
    [Id(2)] public RunningTask[] CurrentRunningTasks { get; init; } = [];

    /// <summary>When the switch last changed.</summary>
    [Id(3)] public DateTimeOffset? ChangedAt { get; init; }
}

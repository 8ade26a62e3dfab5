namespace Actors.Grains.Tasks;

/// <summary>An attempt that has started and not yet been recorded as finished.</summary>
[GenerateSerializer, Immutable, Alias("actors.in-flight-run")]
public sealed record InFlightRun
{
    /// <summary>The round's run id.</summary>
    [Id(0)]
    public string RunId { get; init; } = "";

    /// <summary>The round.</summary>
    [Id(1)]
    public long Round { get; init; }

    /// <summary>Attempt number, from 1.</summary>
    [Id(2)]
    public int Attempt { get; init; } = 1;

    /// <summary>The slot.</summary>
    [Id(3)]
    public DateTimeOffset ScheduledAt { get; init; }

    /// <summary>When it started.</summary>
    [Id(4)]
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>The silo running it (parsable silo address).</summary>
    [Id(5)]
    public string Silo { get; init; } = "";

    /// <summary>schedule, manual, catch_up or retry.</summary>
    [Id(6)]
    public string Trigger { get; init; } = "schedule";
}

namespace Actors.Grains.Tasks;

/// <summary>An attempt that has started and not yet been recorded as finished.</summary>
public sealed record InFlightRun
{
    /// <summary>The round's run id.</summary>
    public string RunId { get; init; } = "";

    /// <summary>The round.</summary>
    public long Round { get; init; }

    /// <summary>Attempt number, from 1.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>The slot.</summary>
    public DateTimeOffset ScheduledAt { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>The silo running it (parsable silo address).</summary>
    public string Silo { get; init; } = "";

    /// <summary>schedule, manual, catch_up or retry.</summary>
    public string Trigger { get; init; } = "schedule";
}

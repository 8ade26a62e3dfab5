namespace Actors.Grains.Tasks;

/// <summary>The next attempt of a failed round.</summary>
[GenerateSerializer, Immutable, Alias("actors.pending-retry")]
public sealed record PendingRetry
{
    /// <summary>The round.</summary>
    [Id(0)]
    public long Round { get; init; }

    /// <summary>The attempt to make.</summary>
    [Id(1)]
    public int Attempt { get; init; }

    /// <summary>The round's slot.</summary>
    [Id(2)]
    public DateTimeOffset ScheduledAt { get; init; }

    /// <summary>When to make it.</summary>
    [Id(3)]
    public DateTimeOffset DueAt { get; init; }

    /// <summary>What first started the round.</summary>
    [Id(4)]
    public string Trigger { get; init; } = "schedule";
}

namespace Actors.Grains.Tasks;

/// <summary>The next attempt of a failed round.</summary>
public sealed record PendingRetry
{
    /// <summary>The round.</summary>
    public long Round { get; init; }

    /// <summary>The attempt to make.</summary>
    public int Attempt { get; init; }

    /// <summary>The round's slot.</summary>
    public DateTimeOffset ScheduledAt { get; init; }

    /// <summary>When to make it.</summary>
    public DateTimeOffset DueAt { get; init; }

    /// <summary>What first started the round.</summary>
    public string Trigger { get; init; } = "schedule";
}

namespace Actors.Grains.History;

/// <summary>How much run history is kept.</summary>
public sealed class RunHistoryOptions
{
    /// <summary>Runs kept per task (the newest).</summary>
    public int MaxRunsPerTask { get; set; } = 1000;

    /// <summary>Runs older than this are removed.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(30);
}

namespace Actors.Silo.Configuration;

/// <summary>Run history retention (section <c>Actors:History</c>).</summary>
public sealed class HistorySettings
{
    /// <summary>Runs kept per task (the newest).</summary>
    public int MaxRunsPerTask { get; set; } = 1000;

    /// <summary>Runs older than this many days are removed.</summary>
    public int MaxAgeDays { get; set; } = 30;
}

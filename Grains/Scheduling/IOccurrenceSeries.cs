namespace Actors.Grains.Scheduling;

/// <summary>The raw occurrences of a calendar schedule (daily times or cron), before any window.</summary>
internal interface IOccurrenceSeries
{
    /// <summary>The first occurrence strictly after <paramref name="instant"/>, or null when there is none.</summary>
    DateTimeOffset? NextAfter(DateTimeOffset instant);

    /// <summary>The last occurrence at or before <paramref name="instant"/>, or null when there is none.</summary>
    DateTimeOffset? LatestAtOrBefore(DateTimeOffset instant);
}

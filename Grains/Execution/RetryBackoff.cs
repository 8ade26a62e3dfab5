namespace Actors.Grains.Execution;

/// <summary>Exponential backoff with jitter between the attempts of one round.</summary>
public static class RetryBackoff
{
    /// <summary>The delay before attempt <paramref name="nextAttempt"/> (2 = first retry).</summary>
    public static TimeSpan DelayBefore(int nextAttempt, double baseSeconds, Random random) =>
        TimeSpan.FromSeconds(Math.Min(300, baseSeconds * Math.Pow(2, Math.Max(0, nextAttempt - 2))) * (0.75 + (random.NextDouble() / 2)));
}

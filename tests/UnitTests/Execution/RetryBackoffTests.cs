using Actors.Grains.Execution;

namespace Actors.UnitTests.Execution;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(2, 2.0)]
    [InlineData(3, 4.0)]
    [InlineData(4, 8.0)]
    public void TheDelayDoublesPerAttemptWithinAQuarterOfJitter(int attempt, double expectedSeconds)
    {
        var random = new Random(7);

        var delays = Enumerable.Range(0, 200).Select(_ => RetryBackoff.DelayBefore(attempt, 2, random).TotalSeconds).ToList();

        Assert.All(delays, d => Assert.InRange(d, expectedSeconds * 0.75, expectedSeconds * 1.25));
        Assert.True(delays.Distinct().Count() > 100, "jitter spreads retries");
    }

    [Fact]
    public void TheDelayStopsGrowingAtFiveMinutesPlusJitterAndZeroBaseMeansNoWait()
    {
        Assert.InRange(RetryBackoff.DelayBefore(30, 10, new Random(1)).TotalSeconds, 225, 375);
        Assert.Equal(TimeSpan.Zero, RetryBackoff.DelayBefore(5, 0, new Random(1)));
    }
}

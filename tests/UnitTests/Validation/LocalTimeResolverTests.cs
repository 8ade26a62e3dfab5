using Actors.Grains;

namespace Actors.UnitTests.Validation;

public sealed class LocalTimeResolverTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void OrdinaryLocalTimeMapsToItsInstant()
    {
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 14, 0, 0, TimeSpan.Zero), LocalTimeResolver.ToInstant(new DateTime(2026, 2, 1, 9, 0, 0), NewYork));
    }

    [Fact]
    public void SkippedLocalTimeMapsToTheEndOfTheGap()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), LocalTimeResolver.ToInstant(new DateTime(2026, 3, 8, 2, 30, 0), NewYork));
    }

    [Fact]
    public void RepeatedLocalTimeMapsToItsFirstOccurrence()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), LocalTimeResolver.ToInstant(new DateTime(2026, 11, 1, 1, 30, 0), NewYork));
    }

    [Fact]
    public void TheKindOfTheLocalTimeIsIgnored()
    {
        Assert.Equal(
            new DateTimeOffset(2026, 2, 1, 14, 0, 0, TimeSpan.Zero),
            LocalTimeResolver.ToInstant(new DateTime(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc), NewYork));
    }
}

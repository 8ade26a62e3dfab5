using Actors.Grains.Validation;
using NodaTime;

namespace Actors.UnitTests.Validation;

public sealed class TaskEndTimeTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    [Theory]
    [InlineData("2026-02-08", "2026-02-08T23:00:00Z")]
    [InlineData("2026-07-08", "2026-07-08T22:00:00Z")]
    [InlineData("2026-02-08T18:00", "2026-02-08T17:00:00Z")]
    [InlineData("2026-02-08T18:00:00", "2026-02-08T17:00:00Z")]
    [InlineData("2026-02-08 18:00:00", "2026-02-08T17:00:00Z")]
    [InlineData("2026-02-08T18:00:00.250", "2026-02-08T17:00:00.25Z")]
    [InlineData("2026-02-08T18:00:00Z", "2026-02-08T18:00:00Z")]
    [InlineData("2026-02-08T18:00:00+08:00", "2026-02-08T10:00:00Z")]
    [InlineData("2026-02-08T18:00:00-0530", "2026-02-08T23:30:00Z")]
    [InlineData("  2026-02-08  ", "2026-02-08T23:00:00Z")]
    public void ResolvesDatesAndDateTimes(string text, string expected)
    {
        Assert.True(TaskEndTime.TryResolve(text, Berlin, out var endAt, out var error), error);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), endAt);
        Assert.Equal(TimeSpan.Zero, endAt.Offset);
        Assert.Equal("", error);
    }

    [Fact]
    public void LocalTimeInTheSpringForwardGapMeansTheFirstInstantAfterIt()
    {
        Assert.True(TaskEndTime.TryResolve("2026-03-29T02:30:00", Berlin, out var endAt, out _));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), endAt);
    }

    [Theory]
    [InlineData("tomorrow", "is not a date or date-time")]
    [InlineData("08/02/2026", "is not a date or date-time")]
    [InlineData("2026-02-30", "names a day that does not exist")]
    [InlineData("2026-13-01", "names a day that does not exist")]
    [InlineData("2026-02-08T24:00:00", "has a time of day that does not exist")]
    [InlineData("2026-02-08T18:00:00+15:00", "has an offset outside ±14:00")]
    [InlineData("2026-02-08Z", "is not a date or date-time")]
    [InlineData("", "is not a date or date-time")]
    public void RefusesWhatIsNotADateOrDateTime(string text, string expected)
    {
        Assert.False(TaskEndTime.TryResolve(text, Berlin, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("\"2026-02-08\"", error, StringComparison.Ordinal);
    }
}

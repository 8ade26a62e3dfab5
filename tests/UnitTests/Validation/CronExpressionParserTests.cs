using Actors.Grains.Validation;

namespace Actors.UnitTests.Validation;

public sealed class CronExpressionParserTests
{
    [Theory]
    [InlineData("*/5 * * * *", "2026-02-01T10:05:00Z")]
    [InlineData("  */5   * * * *  ", "2026-02-01T10:05:00Z")]
    [InlineData("30 * * * * *", "2026-02-01T10:00:30Z")]
    [InlineData("@hourly", "2026-02-01T11:00:00Z")]
    public void FiveAndSixFieldExpressionsParse(string text, string expectedNext)
    {
        Assert.True(CronExpressionParser.TryParse(text, out var expression, out var error), error);
        Assert.Equal(
            DateTimeOffset.Parse(expectedNext, System.Globalization.CultureInfo.InvariantCulture),
            expression.GetNextOccurrence(new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("* * * * * * *", "has 7 fields")]
    [InlineData("0 25 * * *", "is not valid")]
    [InlineData("", "cron is required")]
    public void BadExpressionsAreRefusedWithAReason(string text, string expected)
    {
        Assert.False(CronExpressionParser.TryParse(text, out var expression, out var error));
        Assert.Null(expression);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}

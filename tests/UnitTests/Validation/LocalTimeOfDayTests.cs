using Actors.Grains.Validation;

namespace Actors.UnitTests.Validation;

public sealed class LocalTimeOfDayTests
{
    [Theory]
    [InlineData("09:00", 9, 0, 0)]
    [InlineData("9:05", 9, 5, 0)]
    [InlineData("23:59:59", 23, 59, 59)]
    [InlineData("00:00", 0, 0, 0)]
    public void ParsesHoursMinutesAndSeconds(string text, int hour, int minute, int second)
    {
        Assert.True(LocalTimeOfDay.TryParse(text, out var time, out _));
        Assert.Equal(new TimeOnly(hour, minute, second), time);
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("12:60")]
    [InlineData("12:5")]
    [InlineData("12")]
    [InlineData("12:00:00:00")]
    [InlineData("１２:００")]
    [InlineData("-1:00")]
    [InlineData(null)]
    public void RefusesWhatIsNotATimeOfDay(string? text)
    {
        Assert.False(LocalTimeOfDay.TryParse(text, out _, out var error));
        Assert.Contains("e.g. \"09:00\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MidnightAtTheEndOfTheDayIsOnlyAnEnd()
    {
        Assert.True(LocalTimeOfDay.TryParseMinuteOfDay("24:00", allowEndOfDay: true, out var end, out _));
        Assert.Equal(1440, end);
        Assert.False(LocalTimeOfDay.TryParseMinuteOfDay("24:00", allowEndOfDay: false, out _, out _));
    }
}

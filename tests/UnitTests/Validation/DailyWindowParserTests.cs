using Actors.Grains;
using Actors.Grains.Validation;

namespace Actors.UnitTests.Validation;

public sealed class DailyWindowParserTests
{
    [Theory]
    [InlineData(8, 22, 480, 1320)]
    [InlineData(22, 6, 1320, 360)]
    [InlineData(0, 24, 0, 1440)]
    [InlineData(20, 24, 1200, 1440)]
    [InlineData(22, 0, 1320, 0)]
    public void HourRangeBecomesAWindow(int start, int end, int startMinute, int endMinute)
    {
        var result = DailyWindowParser.FromHourRange([start, end]);

        Assert.True(result.Succeeded);
        Assert.Equal(new DailyWindow(startMinute, endMinute), result.Window);
    }

    [Fact]
    public void WholeDayHourRangeIsAllDay()
    {
        Assert.True(DailyWindowParser.FromHourRange([0, 24]).Window!.IsAllDay);
    }

    [Fact]
    public void HourRangeWithEqualValuesIsRefused()
    {
        var result = DailyWindowParser.FromHourRange([8, 8]);

        Assert.False(result.Succeeded);
        Assert.Equal("valid_time_range start and end are both 8, which leaves no time to run; e.g. [8, 22] for 08:00–22:00, [22, 6] for a night window, [0, 24] for the whole day.", result.Error);
    }

    [Theory]
    [InlineData(new[] { 8 }, "got 1 values")]
    [InlineData(new[] { 8, 12, 22 }, "got 3 values")]
    [InlineData(new[] { -1, 22 }, "got [-1, 22]")]
    [InlineData(new[] { 8, 25 }, "got [8, 25]")]
    [InlineData(new[] { 24, 6 }, "got [24, 6]")]
    public void MalformedHourRangeIsRefused(int[] hours, string expected)
    {
        var result = DailyWindowParser.FromHourRange(hours);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingHourRangeIsRefused()
    {
        Assert.Contains("got nothing", DailyWindowParser.FromHourRange(null).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("08:00", "22:30", 480, 1350)]
    [InlineData("22:00", "06:00", 1320, 360)]
    [InlineData("00:00", "24:00", 0, 1440)]
    [InlineData("8:15", "09:45", 495, 585)]
    public void TimeSlotBecomesAWindow(string start, string end, int startMinute, int endMinute)
    {
        Assert.Equal(new DailyWindow(startMinute, endMinute), DailyWindowParser.FromTimeSlot(start, end).Window);
    }

    [Theory]
    [InlineData("08:00", "08:00", "are the same time (08:00)")]
    [InlineData("00:00", "00:00", "are the same time (00:00)")]
    [InlineData("24:00", "06:00", "time_slot.start_time: \"24:00\" is not a time of day")]
    [InlineData("08:00", "24:30", "time_slot.end_time: \"24:30\" is not a time of day")]
    [InlineData("8am", "22:00", "time_slot.start_time")]
    [InlineData("08:00", "22:00:00", "time_slot.end_time")]
    [InlineData(null, "22:00", "time_slot.start_time")]
    public void MalformedTimeSlotIsRefused(string? start, string? end, string expected)
    {
        var result = DailyWindowParser.FromTimeSlot(start, end);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WrappingTimeSlotKeepsItsMinutes()
    {
        Assert.Equal(new DailyWindow(1335, 345), DailyWindowParser.FromTimeSlot("22:15", "05:45").Window);
    }
}

using Actors.Grains.Scheduling;
using NodaTime;

namespace Actors.UnitTests.Scheduling;

public sealed class TimeZoneLookupTests
{
    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Shanghai")]
    public void FindsIanaZones(string id)
    {
        Assert.True(TimeZoneLookup.TryFind(id, out var zone, out var error));
        Assert.Equal(id, zone.Id);
        Assert.Equal("", error);
        Assert.Equal(id, TimeZoneLookup.ForCron(zone).Id);
    }

    [Theory]
    [InlineData("US/Eastern")]
    [InlineData("Asia/Calcutta")]
    public void OldNamesAreKnownAndMeanTheSameZoneToCron(string id)
    {
        var instant = new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.True(TimeZoneLookup.TryFind(id, out var zone, out _));
        Assert.Equal(zone.GetUtcOffset(Instant.FromDateTimeOffset(instant)).ToTimeSpan(), TimeZoneLookup.ForCron(zone).GetUtcOffset(instant));
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("utc")]
    [InlineData("Etc/UTC")]
    public void UtcIsAlwaysKnown(string id)
    {
        Assert.True(TimeZoneLookup.TryFind(id, out var zone, out _));
        Assert.Equal(DateTimeZone.Utc, zone);
        Assert.Equal(TimeZoneInfo.Utc, TimeZoneLookup.ForCron(zone));
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("../../etc/passwd")]
    [InlineData(" ")]
    [InlineData(null)]
    public void RefusesWhatIsNotAnIanaId(string? id)
    {
        Assert.False(TimeZoneLookup.TryFind(id, out var zone, out var error));
        Assert.Null(zone);
        Assert.Contains("\"Europe/Berlin\"", error, StringComparison.Ordinal);
    }
}

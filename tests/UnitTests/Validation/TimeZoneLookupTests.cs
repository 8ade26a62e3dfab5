using Actors.Grains;

namespace Actors.UnitTests.Validation;

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
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("utc")]
    [InlineData("Etc/UTC")]
    public void UtcIsAlwaysKnown(string id)
    {
        Assert.True(TimeZoneLookup.TryFind(id, out var zone, out _));
        Assert.Equal(TimeZoneInfo.Utc, zone);
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

using Actors.Grains.History;

namespace Actors.UnitTests.Storage;

public sealed class RunCursorTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ACursorRoundTripsThroughItsToken()
    {
        var cursor = new RunCursor(Noon.AddTicks(17), "a:b|c:12", 3);

        Assert.Equal(cursor, RunCursor.Decode(cursor.Encode()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("MTIzfHh8")]
    public void SomethingElseIsNoCursor(string token) => Assert.Null(RunCursor.Decode(token));

    [Fact]
    public void RunsAfterTheCursorAreTheOlderOnes()
    {
        var cursor = new RunCursor(Noon, "t:5", 2);

        Assert.True(cursor.IsBefore(Noon.AddSeconds(-1), "t:9", 9));
        Assert.True(cursor.IsBefore(Noon, "t:4", 9));
        Assert.True(cursor.IsBefore(Noon, "t:5", 1));
        Assert.False(cursor.IsBefore(Noon, "t:5", 2));
        Assert.False(cursor.IsBefore(Noon.AddSeconds(1), "t:1", 1));
    }
}

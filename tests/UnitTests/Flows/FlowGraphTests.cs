using Actors.Grains.Flows;

namespace Actors.UnitTests.Flows;

public sealed class FlowGraphTests
{
    [Fact]
    public void ACycleIsNamedNodeByNodeAndAnAcyclicGraphHasNone()
    {
        Assert.Equal(["b", "c", "d", "b"], FlowGraph.FindCycle(["a", "b", "c", "d"], [("a", "b"), ("b", "c"), ("c", "d"), ("d", "b")]));
        Assert.Equal(["a", "a"], FlowGraph.FindCycle(["a"], [("a", "a")]));
        Assert.Null(FlowGraph.FindCycle(["a", "b", "c", "d"], [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")]));
    }

    [Fact]
    public void ComponentsAreWeaklyConnectedAndNumberedByTheirFirstNode()
    {
        var components = FlowGraph.Components(["x", "a", "y", "b", "z"], [("a", "b"), ("z", "x"), ("y", "b")]);

        Assert.Equal(0, components["x"]);
        Assert.Equal(0, components["z"]);
        Assert.Equal(1, components["a"]);
        Assert.Equal(1, components["y"]); // joined to a through b: edge direction does not matter
        Assert.Equal(1, components["b"]);
    }

    [Theory]
    [InlineData("1m", 60)]
    [InlineData("30s", 30)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("1h30m", 5400)]
    [InlineData("45", 45)]
    public void CycleIntervalsParse(string text, int seconds) => Assert.Equal(seconds, CycleInterval.Parse(text, out _));

    [Theory]
    [InlineData("abc")]
    [InlineData("1x")]
    [InlineData("0s")]
    [InlineData("m")]
    [InlineData("")]
    public void BadCycleIntervalsSayWhatIsAccepted(string text)
    {
        Assert.Null(CycleInterval.Parse(text, out var error));
        Assert.Contains("cycle_interval", error, StringComparison.Ordinal);
    }
}

using Actors.Grains.Agents;

namespace Actors.UnitTests.Agents;

public sealed class AgentRegistrationRulesTests
{
    [Fact]
    public void AValidRegistrationHasNoProblems()
    {
        Assert.Empty(AgentRegistrationRules.Check("worker-1.eu_west", ["linux", "chrome"], ["scrape"], 3));
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var errors = AgentRegistrationRules.Check("my agent", ["linux", "has space", ""], ["ok", "bad type"], 0);

        Assert.Equal(["name", "labels", "labels", "task_types", "max_concurrent"], errors.Select(e => e.Field));
        Assert.Contains("no spaces", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("got 0", errors[^1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("a/b")]
    [InlineData("x12345678901234567890123456789012345678901234567890123456789012345")]
    public void AnInvalidNameIsRefused(string? name)
    {
        Assert.Equal("name", Assert.Single(AgentRegistrationRules.Check(name, [], [], 1)).Field);
    }
}

using Actors.Cli.Api;

namespace Actors.UnitTests.Cli;

public sealed class QueryStringTests
{
    [Fact]
    public void ParametersLeftOutAreNotSentAndValuesAreEscaped()
    {
        Assert.Equal("?account_id=a%20b%26c&limit=5", QueryString.From(("account_id", "a b&c"), ("status", null), ("limit", 5)));
    }

    [Fact]
    public void NoParameterGivesNoQuery()
    {
        Assert.Equal("", QueryString.From(("status", null)));
    }
}

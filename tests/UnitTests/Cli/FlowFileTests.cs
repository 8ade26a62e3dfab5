using Actors.Cli.Commands;
using Actors.Cli.Flows;

namespace Actors.UnitTests.Cli;

public sealed class FlowFileTests
{
    [Fact]
    public void ADashReadsTheDefinitionFromStandardInput()
    {
        var flow = FlowFile.Read("-", new StringReader("""{"flow_id": "f1", "flow_json": {"nodes": [], "edges": []}}"""));

        Assert.Equal("""{"flow_id":"f1","flow_json":{"nodes":[],"edges":[]}}""", flow.ToJsonString());
    }

    [Fact]
    public void StandardInputThatIsNotJsonIsAUsageErrorNamingIt()
    {
        var error = Assert.Throws<UsageException>(() => FlowFile.Read("-", new StringReader("flow_id: f1")));

        Assert.StartsWith("the flow on standard input is not valid JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonNullIsNoDefinition()
    {
        var error = Assert.Throws<UsageException>(() => FlowFile.Read("-", new StringReader("null")));

        Assert.Equal("the flow on standard input holds JSON null; it must be a flow definition object.", error.Message);
    }
}

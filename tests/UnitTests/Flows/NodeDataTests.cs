using System.Text.Json.Nodes;
using Actors.Grains.Flows;

namespace Actors.UnitTests.Flows;

public sealed class NodeDataTests
{
    [Fact]
    public void AnEdgeCarriesTheSourceHandlesPropertyOrTheWholeOutputUnderItsTargetHandleOrTheSourceId()
    {
        var definition = new FlowDefinition
        {
            Nodes = [new() { Id = "price" }, new() { Id = "news" }, new() { Id = "text" }, new() { Id = "model" }],
            Edges =
            [
                new() { Source = "price", SourceHandle = "close", Target = "model", TargetHandle = "p" },
                new() { Source = "news", Target = "model" },
                new() { Source = "price", SourceHandle = "missing", Target = "model", TargetHandle = "whole" },
                new() { Source = "text", SourceHandle = "close", Target = "model", TargetHandle = "t" },
            ],
        };
        var outputs = new Dictionary<string, string>
        {
            ["price"] = """{"close": 42.5, "open": 40}""", ["news"] = """["a", "b"]""", ["text"] = """{"text": "plain"}""",
        };

        var inputs = NodeData.Inputs(definition, "model", id => outputs[id]);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"p": 42.5, "news": ["a", "b"], "whole": {"close": 42.5, "open": 40}, "t": {"text": "plain"}}
            """), inputs));
    }

    [Fact]
    public void SeveralEdgesIntoOneHandleArriveAsAnArrayAndAnUpstreamWithoutOutputAsNull()
    {
        var definition = new FlowDefinition
        {
            Nodes = [new() { Id = "a" }, new() { Id = "b" }, new() { Id = "c" }, new() { Id = "sum" }],
            Edges = [new() { Source = "a", Target = "sum", TargetHandle = "n" }, new() { Source = "b", Target = "sum", TargetHandle = "n" }, new() { Source = "c", Target = "sum", TargetHandle = "n" }],
        };

        var inputs = NodeData.Inputs(definition, "sum", id => id == "b" ? null : $$"""{"v": "{{id}}"}""");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"n": [{"v": "a"}, null, {"v": "c"}]}"""), inputs));
    }

    [Theory]
    [InlineData("http", """{"avg": 1}""", """{"avg": 1}""")]
    [InlineData("http", "42", "42")]
    [InlineData("http", "not json", """{"text":"not json"}""")]
    [InlineData("http", "", """{"text":""}""")]
    [InlineData("agent", "starting\nfetched 3 rows\n{\"rows\": 3}\n", """{"rows": 3}""")]
    [InlineData("agent", "starting\ndone\n", """{"text":"starting\ndone\n"}""")]
    [InlineData("log", "anything", """{"cfg":true}""")]
    public void AnOutputIsTheJsonTheExecutorProducedOrItsTextWrapped(string executor, string produced, string expected) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(NodeData.Output(executor, """{"cfg":true}""", produced))));
}

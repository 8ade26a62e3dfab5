using System.Text.Json.Nodes;
using Actors.Cli.Output;

namespace Actors.UnitTests.Cli;

public sealed class JsonTextTests
{
    [Fact]
    public void NestedJsonKeepsItsTextReadable()
    {
        Assert.Equal("""{"user_query":"开始运营","n":1}""", JsonText.Cell(JsonNode.Parse("""{"user_query": "开始运营", "n": 1}""")));
    }

    [Fact]
    public void StringsShowAsTheyAreNumbersAsJsonAndNothingAsNull()
    {
        var task = JsonNode.Parse("""{"status": "paused", "round_num": 3, "last_run": null, "at": [], "success": true}""");
        string[] fields = ["status", "round_num", "last_run", "at", "success", "missing"];

        Assert.Equal(["paused", "3", null, null, "true", null], fields.Select(f => JsonText.Cell(task, f)));
    }

    [Fact]
    public void EveryFieldOfAnObjectIsALine()
    {
        var fields = JsonText.Fields(JsonNode.Parse("""{"task_id": "t-1", "kwargs": {"a": 1}, "next_execution_time": null}""")!.AsObject());

        Assert.Equal("task_id:              t-1\nkwargs:               {\"a\":1}\nnext_execution_time:  -\n", fields.ToString().ReplaceLineEndings("\n"));
    }
}

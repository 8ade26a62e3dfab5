using System.Text.Json.Nodes;
using Actors.Cli.Runs;

namespace Actors.UnitTests.Cli;

public sealed class RunViewsTests
{
    [Fact]
    public void ARunsPageShowsEachAttemptAndSaysAtLeastWhenTheTotalIsALowerBound()
    {
        var page = JsonNode.Parse("""
            {"total": 10000, "total_is_lower_bound": true, "next_cursor": "x", "runs": [
              {"run_id": "t-1:2", "task_id": "t-1", "round": 2, "attempt": 1, "scheduled_at": "S", "started_at": "A", "finished_at": "B",
               "outcome": "failed", "error": "HTTP 500", "output": null, "silo": "silo-a", "trigger": "schedule"}]}
            """)!;
        using var output = new StringWriter();

        RunViews.List(page, output);

        Assert.Equal(
            "RUN_ID  ATTEMPT  OUTCOME  SCHEDULED  STARTED  FINISHED  SILO    ERROR\n" +
            "t-1:2   1        failed   S          A        B         silo-a  HTTP 500\n" +
            "1 of at least 10000 runs\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AnEmptyPageIsJustItsCount()
    {
        using var output = new StringWriter();

        RunViews.List(JsonNode.Parse("""{"total": 0, "runs": []}""")!, output);

        Assert.Equal("0 of 0 runs\n", output.ToString().ReplaceLineEndings("\n"));
    }
}

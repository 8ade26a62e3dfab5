using System.Text.Json.Nodes;
using Actors.Cli.Flows;

namespace Actors.UnitTests.Cli;

public sealed class FlowViewsTests
{
    [Fact]
    public void AListShowsOneRowPerFlowWithItsScheduleAndLastCycle()
    {
        var page = JsonNode.Parse("""
            {"total": 3, "offset": 0, "limit": 2, "flows": [
              {"flow_id": "etl", "status": "active", "nodes": 10, "components": 1, "schedule": {"schedule_mode": "interval", "interval": 60, "time_zone": "UTC"},
               "next_cycle_at": "2026-11-25T02:01:00.000Z", "last_cycle": {"cycle": 41, "state": "succeeded", "started_at": "S", "finished_at": "F"},
               "created_at": "C", "updated_at": "U"},
              {"flow_id": "manual", "status": "stopped", "nodes": 2, "components": 2, "schedule": null, "next_cycle_at": null, "last_cycle": null,
               "created_at": "C", "updated_at": "U"}]}
            """)!;
        using var output = new StringWriter();

        FlowViews.List(page, output);

        Assert.Equal(
            "FLOW_ID  STATUS   NODES  COMPONENTS  SCHEDULE   NEXT_CYCLE                LAST_CYCLE\n" +
            "etl      active   10     1           every 60s  2026-11-25T02:01:00.000Z  41 succeeded\n" +
            "manual   stopped  2      2           manual     -                         -\n" +
            "2 of 3 flows\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ACycleShowsItsFieldsThenOneRowPerNode()
    {
        var cycle = JsonNode.Parse("""
            {"flow_id": "etl", "cycle": 4, "state": "failed", "trigger": "scheduled", "started_at": "T0", "finished_at": "T9",
             "components": [{"component": 0, "state": "failed", "nodes": ["a", "b", "c"]}, {"component": 1, "state": "succeeded", "nodes": ["d"]}],
             "nodes": [
               {"node_id": "a", "type": "log", "component": 0, "state": "succeeded", "attempts": 1, "run_id": "etl:4:a", "started_at": "T1", "finished_at": "T2", "output": {"k": 1}, "error": null},
               {"node_id": "b", "type": "http", "component": 0, "state": "failed", "attempts": 3, "run_id": "etl:4:b", "started_at": "T3", "finished_at": "T4", "error": "HTTP 500\nupstream"},
               {"node_id": "c", "type": "log", "component": 0, "state": "upstream_failed", "attempts": 0, "run_id": "etl:4:c", "started_at": null, "finished_at": null, "error": null},
               {"node_id": "d", "type": "log", "component": 1, "state": "succeeded", "attempts": 1, "run_id": "etl:4:d", "started_at": "T1", "finished_at": "T2", "output_excerpt": "{...", "error": null}]}
            """)!;
        using var output = new StringWriter();

        FlowViews.Cycle(cycle, output);

        Assert.Equal(
            "flow_id:      etl\n" +
            "cycle:        4\n" +
            "state:        failed\n" +
            "trigger:      scheduled\n" +
            "started_at:   T0\n" +
            "finished_at:  T9\n" +
            "components:   0 failed, 1 succeeded\n" +
            "\n" +
            "NODE  COMPONENT  STATE            ATTEMPTS  STARTED  FINISHED  ERROR\n" +
            "a     0          succeeded        1         T1       T2        -\n" +
            "b     0          failed           3         T3       T4        HTTP 500 upstream\n" +
            "c     0          upstream_failed  0         -        -         -\n" +
            "d     1          succeeded        1         T1       T2        -\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ACyclesPageCountsTheNodesByStateLeavingOutTheEmptyOnes()
    {
        var page = JsonNode.Parse("""
            {"total": 12, "offset": 0, "limit": 2, "cycles": [
              {"cycle": 11, "state": "running", "trigger": "manual", "started_at": "S11", "finished_at": null, "nodes": {"succeeded": 4, "running": 2, "pending": 4, "failed": 0}},
              {"cycle": 10, "state": "failed", "trigger": "scheduled", "started_at": "S10", "finished_at": "F10", "nodes": {"succeeded": 8, "failed": 1, "upstream_failed": 1}}]}
            """)!;
        using var output = new StringWriter();

        FlowViews.Cycles(page, output);

        Assert.Equal(
            "CYCLE  STATE    TRIGGER    STARTED  FINISHED  NODES\n" +
            "11     running  manual     S11      -         succeeded 4, running 2, pending 4\n" +
            "10     failed   scheduled  S10      F10       succeeded 8, failed 1, upstream_failed 1\n" +
            "2 of 12 cycles\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AStatusShowsTheFlowItsComponentsAndItsLastCyclesButNotItsDefinition()
    {
        var flow = JsonNode.Parse("""
            {"flow_id": "etl", "status": "active", "nodes": 3, "schedule": {"schedule_mode": "cron", "cron": "0 2 * * *", "time_zone": "UTC"},
             "next_cycle_at": "N", "last_cycle": {"cycle": 7, "state": "succeeded", "started_at": "S7", "finished_at": "F7"},
             "created_at": "C", "updated_at": "U", "flow_json": {"nodes": [], "edges": []},
             "components": [{"component": 0, "nodes": ["a", "b"]}, {"component": 1, "nodes": ["c"]}],
             "running_cycle": null, "trigger_task_id": "6f1c", "node_runs_task_id": "9a0b", "cycle_count": 8,
             "cycles": [{"cycle": 7, "state": "succeeded", "trigger": "scheduled", "started_at": "S7", "finished_at": "F7", "nodes": {"succeeded": 3}}]}
            """)!;
        using var output = new StringWriter();

        FlowViews.Status(flow, output);

        Assert.Equal(
            "flow_id:            etl\n" +
            "status:             active\n" +
            "schedule:           cron 0 2 * * *\n" +
            "next_cycle_at:      N\n" +
            "running_cycle:      -\n" +
            "last_cycle:         7 succeeded\n" +
            "cycle_count:        8\n" +
            "nodes:              3\n" +
            "trigger_task_id:    6f1c\n" +
            "node_runs_task_id:  9a0b\n" +
            "created_at:         C\n" +
            "updated_at:         U\n" +
            "\n" +
            "COMPONENT  NODES\n" +
            "0          a,b\n" +
            "1          c\n" +
            "\n" +
            "CYCLE  STATE      TRIGGER    STARTED  FINISHED  NODES\n" +
            "7      succeeded  scheduled  S7       F7        succeeded 3\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AnAnswerWithoutAMessageSaysDoneAndShowsItsFields()
    {
        using var output = new StringWriter();

        FlowViews.Changed(JsonNode.Parse("""{"success": true, "status": "active", "next_cycle_at": "N"}""")!, output);

        Assert.Equal("done\nstatus:         active\nnext_cycle_at:  N\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AReplacedFlowSaysSo()
    {
        using var output = new StringWriter();

        FlowViews.Executed(JsonNode.Parse("""{"success": true, "flow_id": "etl", "created": false, "nodes": 2, "components": 1, "next_cycle_at": null, "message": "replaced"}""")!, output);

        Assert.Equal("replaced flow etl\nnodes:          2\ncomponents:     1\nnext_cycle_at:  -\n", output.ToString().ReplaceLineEndings("\n"));
    }
}

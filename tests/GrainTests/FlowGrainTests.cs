using System.Text.Json.Nodes;
using Actors.Grains;
using Actors.GrainTests.Support;

namespace Actors.GrainTests;

/// <summary>The cycle state machine on the test cluster, with nodes run by the scripted executor.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FlowGrainTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task NodesRunInTheOrderOfTheEdgesAndReceiveTheirUpstreamOutputByHandle()
    {
        var flow = Id();
        var result = await Grains.GetFlowGrain(flow).ExecuteAsync(Request(flow,
            [Node(0, "a", Script(flow, "a")), Node(1, "b", Script(flow, "b")), Node(2, "c", Script(flow, "c"))],
            [Edge(0, "a", "b", sourceHandle: "text", targetHandle: "in"), Edge(1, "b", "c")]));
        Assert.True(result.Succeeded, result.Message);
        Assert.True(result.Created);

        var started = await Grains.GetFlowGrain(flow).StartCycleAsync(null);
        var cycle = await EndedAsync(flow, started.Cycle!.Value);

        Assert.Equal(0, started.Cycle);
        Assert.Equal(CycleState.Succeeded, cycle.Summary.State);
        Assert.All(cycle.Nodes, n => Assert.Equal(NodeState.Succeeded, n.State));
        var b = Assert.Single(ScriptedExecutor.For(Script(flow, "b")).Calls);
        var c = Assert.Single(ScriptedExecutor.For(Script(flow, "c")).Calls);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"in": "ok"}"""), JsonNode.Parse(b.Node!.InputsJson)));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"b": {"text": "ok"}}"""), JsonNode.Parse(c.Node!.InputsJson)));
        Assert.Equal($"{flow}:0:b", b.RunId);
        var nodeA = cycle.Nodes.Single(n => n.NodeId == "a");
        var nodeB = cycle.Nodes.Single(n => n.NodeId == "b");
        Assert.True(nodeB.StartedAt >= nodeA.FinishedAt, "b started after a finished");
    }

    [Fact]
    public async Task AFailedNodeFailsItsComponentFastWhileAnotherComponentSucceeds()
    {
        var flow = Id();
        ScriptedExecutor.For(Script(flow, "x")).FailuresLeft = 1;
        await Grains.GetFlowGrain(flow).ExecuteAsync(Request(flow,
            [Node(0, "x", Script(flow, "x")), Node(1, "y", Script(flow, "y")), Node(2, "z", Script(flow, "z")), Node(3, "p", Script(flow, "p")), Node(4, "q", Script(flow, "q")),
             Node(5, "cleanup", Script(flow, "cleanup"), trigger: "all_done")],
            [Edge(0, "x", "y"), Edge(1, "y", "z"), Edge(2, "p", "q"), Edge(3, "x", "cleanup")]));

        var cycle = await EndedAsync(flow, (await Grains.GetFlowGrain(flow).StartCycleAsync(null)).Cycle!.Value);

        Assert.Equal(CycleState.Failed, cycle.Summary.State);
        Assert.Equal(NodeState.Failed, State(cycle, "x"));
        Assert.Equal(NodeState.UpstreamFailed, State(cycle, "y"));
        Assert.Equal(NodeState.UpstreamFailed, State(cycle, "z"));
        Assert.Equal(NodeState.Succeeded, State(cycle, "cleanup"));
        Assert.Equal(NodeState.Succeeded, State(cycle, "q"));
        Assert.Equal([CycleState.Failed, CycleState.Succeeded], cycle.Components.Select(c => c.State));
        Assert.Empty(ScriptedExecutor.For(Script(flow, "y")).Calls);
        Assert.Equal("scripted failure", cycle.Nodes.Single(n => n.NodeId == "x").Error);
    }

    [Fact]
    public async Task AFailedAttemptIsRetriedWhenTheNodeAllowsIt()
    {
        var flow = Id();
        ScriptedExecutor.For(Script(flow, "a")).FailuresLeft = 1;
        await Grains.GetFlowGrain(flow).ExecuteAsync(Request(flow, [Node(0, "a", Script(flow, "a"), """, "max_retries": 1, "retry_backoff_seconds": 0.1""")], []));

        var cycle = await EndedAsync(flow, (await Grains.GetFlowGrain(flow).StartCycleAsync(null)).Cycle!.Value);

        var node = Assert.Single(cycle.Nodes);
        Assert.Equal(NodeState.Succeeded, node.State);
        Assert.Equal(2, node.Attempts);
        Assert.Equal([1, 2], ScriptedExecutor.For(Script(flow, "a")).Calls.Select(c => c.Attempt));
    }

    [Fact]
    public async Task StoppingAComponentCancelsItsRunningNodeAndNeverStartsItsOthersWhileTheRestGoesOn()
    {
        var flow = Id();
        var slow = ScriptedExecutor.For(Script(flow, "slow"));
        slow.Block = new TaskCompletionSource();
        var other = ScriptedExecutor.For(Script(flow, "other"));
        other.Block = new TaskCompletionSource();
        await Grains.GetFlowGrain(flow).ExecuteAsync(Request(flow,
            [Node(0, "slow", Script(flow, "slow")), Node(1, "after", Script(flow, "after")), Node(2, "other", Script(flow, "other"))],
            [Edge(0, "slow", "after")]));
        var number = (await Grains.GetFlowGrain(flow).StartCycleAsync(null)).Cycle!.Value;
        await Eventually.WaitForAsync(() => Task.FromResult(slow.Calls.Count + other.Calls.Count), n => n == 2, Deadline, "both roots running");

        var stop = await Grains.GetFlowGrain(flow).StopComponentAsync(number, 0);
        Assert.True(stop.Succeeded, stop.Message);
        Assert.Equal(CommandOutcome.Conflict, (await Grains.GetFlowGrain(flow).StopComponentAsync(number, 0)).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await Grains.GetFlowGrain(flow).StopComponentAsync(number, 7)).Outcome);
        other.Block.SetResult();
        var cycle = await EndedAsync(flow, number);

        Assert.Equal(NodeState.Stopped, State(cycle, "slow"));
        Assert.Equal(NodeState.Stopped, State(cycle, "after"));
        Assert.Equal(NodeState.Succeeded, State(cycle, "other"));
        Assert.Equal([CycleState.Stopped, CycleState.Succeeded], cycle.Components.Select(c => c.State));
        Assert.Equal(CycleState.Stopped, cycle.Summary.State);
        Assert.Empty(ScriptedExecutor.For(Script(flow, "after")).Calls);
        slow.Block.SetResult();
    }

    [Fact]
    public async Task ManualCyclesTakeTheNextNumberOrTheOneAskedForAndANumberRunsOnce()
    {
        var flow = Id();
        var gate = ScriptedExecutor.For(Script(flow, "a"));
        await Grains.GetFlowGrain(flow).ExecuteAsync(Request(flow, [Node(0, "a", Script(flow, "a"))], []));
        var grain = Grains.GetFlowGrain(flow);

        Assert.Equal(5, (await grain.StartCycleAsync(5)).Cycle);
        await EndedAsync(flow, 5);
        Assert.Equal(6, (await grain.StartCycleAsync(null)).Cycle);
        await EndedAsync(flow, 6);
        Assert.Equal(2, (await grain.StartCycleAsync(2)).Cycle);
        await EndedAsync(flow, 2);

        Assert.Equal(CommandOutcome.Conflict, (await grain.StartCycleAsync(5)).Outcome);
        gate.Block = new TaskCompletionSource();
        Assert.Equal(7, (await grain.StartCycleAsync(null)).Cycle);
        var busy = await grain.StartCycleAsync(null);
        Assert.Equal(CommandOutcome.Conflict, busy.Outcome);
        Assert.Contains("cycle 7", busy.Message, StringComparison.OrdinalIgnoreCase);
        gate.Block.SetResult();
        await EndedAsync(flow, 7);

        var page = (await grain.GetCyclesAsync(0, 10))!;
        Assert.Equal([7L, 2, 6, 5], page.Cycles.Select(c => c.Cycle));
        Assert.Equal(CommandOutcome.NotFound, (await Grains.GetFlowGrain(Id()).StartCycleAsync(null)).Outcome);
    }

    [Fact]
    public async Task ScheduledCyclesCountUpAndAReplacedDefinitionAppliesFromTheNextCycle()
    {
        var flow = Id();
        var grain = Grains.GetFlowGrain(flow);
        var first = await grain.ExecuteAsync(Request(flow, [Node(0, "a", Script(flow, "a"))], []) with { CycleInterval = "1s", HasSchedule = true });
        Assert.True(first.Succeeded, first.Message);
        Assert.NotNull(first.Flow!.TriggerTaskId);

        await Eventually.WaitForAsync(() => grain.GetAsync(10), f => f!.Cycles.Count(c => c.State == CycleState.Succeeded) >= 2, Deadline, "two scheduled cycles");
        var replaced = await grain.ExecuteAsync(Request(flow, [Node(0, "b", Script(flow, "b"))], []) with { CycleInterval = "1s", HasSchedule = true });
        Assert.False(replaced.Created);
        Assert.Equal(first.Flow.TriggerTaskId, replaced.Flow!.TriggerTaskId); // same schedule: same trigger task
        await Eventually.WaitForAsync(() => Task.FromResult(ScriptedExecutor.For(Script(flow, "b")).Calls.Count), n => n >= 1, Deadline, "the new definition running");
        var stopped = await grain.StopAsync();
        Assert.True(stopped.Succeeded);

        var info = (await grain.GetAsync(50))!;
        var numbers = info.Cycles.Select(c => c.Cycle).Reverse().ToList();
        Assert.Equal(Enumerable.Range(0, numbers.Count).Select(n => (long)n), numbers);
        Assert.All(info.Cycles, c => Assert.Equal(CycleTrigger.Scheduled, c.Trigger));
        Assert.False(info.Active);
        Assert.Null(info.NextCycleAt);
        Assert.True((await grain.DeleteAsync()).Succeeded);
        Assert.Null(await grain.GetAsync(1));
        Assert.Null(await Grains.GetTaskGrain(first.Flow.TriggerTaskId!.Value).GetAsync());
    }

    private async Task<CycleInfo> EndedAsync(string flow, long cycle) =>
        (await Eventually.WaitForAsync(() => Grains.GetFlowGrain(flow).GetCycleAsync(cycle), c => c is { Summary.State: not CycleState.Running }, Deadline, $"cycle {cycle} of {flow} to end"))!;

    private static NodeState State(CycleInfo cycle, string node) => cycle.Nodes.Single(n => n.NodeId == node).State;

    private static string Id() => "f-" + Guid.NewGuid().ToString("N")[..12];

    private static string Script(string flow, string node) => $"{flow}-{node}";

    private static FlowExecuteRequest Request(string flow, FlowNodeRequest[] nodes, FlowEdgeRequest[] edges) => new() { FlowId = flow, Nodes = nodes, Edges = edges };

    private static FlowNodeRequest Node(int index, string id, string script, string extra = "", string? trigger = null) =>
        new() { Index = index, Id = id, Type = "scripted", ConfigJson = $$"""{"script": "{{script}}"{{extra}}}""", Trigger = trigger };

    private static FlowEdgeRequest Edge(int index, string source, string target, string? sourceHandle = null, string? targetHandle = null) =>
        new() { Index = index, Source = source, Target = target, SourceHandle = sourceHandle, TargetHandle = targetHandle };
}

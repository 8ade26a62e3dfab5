using Actors.Grains;
using Actors.Grains.Flows;

namespace Actors.UnitTests.Flows;

public sealed class FlowCycleRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    // Component 0: a → b → c, a → d, e (all_done) after b. Component 1: p → q.
    private static readonly FlowDefinition Graph = new()
    {
        Nodes = [Node("a", 0), Node("b", 0), Node("c", 0), Node("d", 0), Node("e", 0, allDone: true), Node("p", 1), Node("q", 1)],
        Edges = [Edge("a", "b"), Edge("b", "c"), Edge("a", "d"), Edge("b", "e"), Edge("p", "q")],
        ComponentCount = 2,
    };

    [Fact]
    public void RootsStartFirstAndANodeStartsOnceAllItsUpstreamSucceeded()
    {
        var nodes = Fresh();
        Assert.Equal(["a", "p"], FlowCycleRules.Settle(Graph, nodes, Now));

        nodes["a"] = new NodeProgress { State = NodeState.Succeeded, Attempts = 1 };
        nodes["p"] = new NodeProgress { State = NodeState.Running, Attempts = 1 };
        Assert.Equal(["b", "d"], FlowCycleRules.Settle(Graph, nodes, Now));
    }

    [Fact]
    public void AFailureMarksItsDependentsUpstreamFailedSkipsTheRestOfItsComponentAndLeavesOtherComponentsAlone()
    {
        var nodes = Fresh();
        nodes["a"] = new NodeProgress { State = NodeState.Succeeded, Attempts = 1 };
        nodes["b"] = new NodeProgress { State = NodeState.Failed, Attempts = 1 };
        nodes["p"] = new NodeProgress { State = NodeState.Succeeded, Attempts = 1 };

        var ready = FlowCycleRules.Settle(Graph, nodes, Now);

        Assert.Equal(NodeState.UpstreamFailed, nodes["c"].State);
        Assert.Equal(NodeState.Skipped, nodes["d"].State); // fail fast: started nothing new in component 0
        Assert.Equal(["e", "q"], ready); // all_done runs after its upstream ended in any state; component 1 goes on
        Assert.Contains("b", nodes["c"].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ComponentAndCycleStatesFollowTheirNodes()
    {
        var nodes = Fresh();
        foreach (var id in nodes.Keys)
        {
            nodes[id] = new NodeProgress { State = NodeState.Succeeded };
        }

        nodes["d"] = new NodeProgress { State = NodeState.Running };
        Assert.Equal(CycleState.Running, FlowCycleRules.ComponentState(Graph, nodes, 0, stopped: false));
        Assert.Equal(CycleState.Succeeded, FlowCycleRules.ComponentState(Graph, nodes, 1, stopped: false));

        nodes["d"] = new NodeProgress { State = NodeState.Failed };
        Assert.Equal(CycleState.Failed, FlowCycleRules.ComponentState(Graph, nodes, 0, stopped: false));
        Assert.Equal(CycleState.Stopped, FlowCycleRules.ComponentState(Graph, nodes, 0, stopped: true));
        Assert.Equal(CycleState.Failed, FlowCycleRules.CycleStateOf([CycleState.Failed, CycleState.Succeeded], stopped: false));
        Assert.Equal(CycleState.Running, FlowCycleRules.CycleStateOf([CycleState.Failed, CycleState.Running], stopped: false));
        Assert.Equal(CycleState.Stopped, FlowCycleRules.CycleStateOf([CycleState.Stopped, CycleState.Succeeded], stopped: false));
    }

    [Fact]
    public void StoppingAComponentStopsItsRunningAndWaitingNodesOnly()
    {
        var nodes = Fresh();
        nodes["a"] = new NodeProgress { State = NodeState.Running, Attempts = 1 };
        nodes["p"] = new NodeProgress { State = NodeState.Running, Attempts = 1 };

        var cancelled = FlowCycleRules.Stop(Graph, nodes, 0, "stopped by hand", Now);

        Assert.Equal(["a"], cancelled);
        Assert.All(Graph.Nodes.Where(n => n.Component == 0), n => Assert.Equal(NodeState.Stopped, nodes[n.Id].State));
        Assert.Equal(NodeState.Running, nodes["p"].State);
        Assert.Empty(FlowCycleRules.Settle(Graph, nodes, Now)); // q still waits for p
    }

    [Fact]
    public void AFailedAttemptIsRetriedWhileRetriesRemainAndALostOneDoesNotUseARetry()
    {
        var running = new NodeProgress { State = NodeState.Running, Attempts = 1, StartedAt = Now };

        var retry = FlowCycleRules.Finish(running, RunOutcome.Failed, null, "HTTP 500", maxRetries: 1, backoffSeconds: 2, Now, new Random(1));
        Assert.Equal(NodeState.Pending, retry.State);
        Assert.InRange(retry.RetryAt!.Value - Now, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2.5));

        var second = FlowCycleRules.Start(retry, Now) with { };
        Assert.Equal(2, second.Attempts);
        Assert.Equal(Now, second.StartedAt);
        Assert.Equal(NodeState.Failed, FlowCycleRules.Finish(second, RunOutcome.TimedOut, null, "Timed out", 1, 2, Now, new Random(1)).State);

        var lost = FlowCycleRules.Finish(running, RunOutcome.Abandoned, null, "silo died", maxRetries: 0, backoffSeconds: 2, Now, new Random(1));
        Assert.Equal(NodeState.Pending, lost.State);
        Assert.Equal(Now, lost.RetryAt);
        Assert.Equal(1, lost.Abandoned);
    }

    [Fact]
    public void AnOutputOver64KbFailsTheNodeWithAClearError()
    {
        var running = new NodeProgress { State = NodeState.Running, Attempts = 1 };

        var done = FlowCycleRules.Finish(running, RunOutcome.Succeeded, new string('x', FlowCycleRules.MaxOutputChars + 1), null, 3, 2, Now, new Random(1));

        Assert.Equal(NodeState.Failed, done.State);
        Assert.Contains("64 KB", done.Error, StringComparison.Ordinal);
    }

    private static Dictionary<string, NodeProgress> Fresh() => Graph.Nodes.ToDictionary(n => n.Id, _ => new NodeProgress(), StringComparer.Ordinal);

    private static FlowNodeDef Node(string id, int component, bool allDone = false) => new() { Id = id, Type = "log", Component = component, AllDone = allDone };

    private static FlowEdgeDef Edge(string source, string target) => new() { Source = source, Target = target };
}

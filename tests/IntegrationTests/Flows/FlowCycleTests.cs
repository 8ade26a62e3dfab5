using System.Net;
using System.Text.Json.Nodes;
using static Actors.IntegrationTests.Flows.FlowJson;
using static Actors.IntegrationTests.Flows.FlowsApi;

namespace Actors.IntegrationTests.Flows;

/// <summary>One cycle of a flow end to end: order along the edges, data by handle, fail fast per component, trigger rules.</summary>
[Collection(FlowCollection.Name)]
public sealed class FlowCycleTests(FlowClusterFixture fixture)
{
    private FlowsApi Flows => fixture.Flows;

    private FlowReceiver Receiver => fixture.Receiver;

    [Fact]
    public async Task NodesRunAlongTheEdgesAndReceiveTheirUpstreamOutputsByHandle()
    {
        var flow = NewId("order");
        var config = new JsonObject { ["price"] = 42, ["sym"] = "BTC" };
        var bAnswer = new JsonObject { ["quote"] = "accepted", ["n"] = 7 };
        Receiver.AnswerJson(FlowClusterFixture.NodePath(flow, "b"), bAnswer);
        Receiver.AnswerText(FlowClusterFixture.NodePath(flow, "c"), "plain answer");

        var registered = await Flows.RegisterAsync(Flow(flow,
            [Log("a", config), Http("b", fixture.NodeUrl(flow, "b")), Http("c", fixture.NodeUrl(flow, "c"))],
            [Edge("a", "b", sourceHandle: "price", targetHandle: "p"), Edge("a", "c")]));
        var cycle = await Flows.StartCycleNumberAsync(flow);
        var detail = await Flows.FinishedCycleAsync(flow, cycle);

        Assert.True(registered["success"]!.GetValue<bool>());
        Assert.True(registered["created"]!.GetValue<bool>());
        Assert.Equal(flow, registered["flow_id"]!.GetValue<string>());
        Assert.Equal(3, registered["nodes"]!.GetValue<int>());
        Assert.Equal(1, registered["components"]!.GetValue<int>());
        Assert.Null(registered["next_cycle_at"]);
        Assert.Equal(0, cycle);

        Assert.Equal("succeeded", State(detail));
        Assert.Equal("manual", detail["trigger"]!.GetValue<string>());
        Assert.Equal("a=succeeded b=succeeded c=succeeded", NodeStates(detail));
        Assert.Equal("succeeded", State(Component(detail, 0)));

        var b = Assert.Single(Receiver.To(FlowClusterFixture.NodePath(flow, "b")));
        var c = Assert.Single(Receiver.To(FlowClusterFixture.NodePath(flow, "c")));
        AssertJson(new JsonObject { ["p"] = 42 }, b.Body!["inputs"]);
        AssertJson(new JsonObject { ["a"] = new JsonObject { ["price"] = 42, ["sym"] = "BTC" } }, c.Body!["inputs"]);
        foreach (var (nodeId, delivery) in new[] { ("b", b), ("c", c) })
        {
            var runId = $"{flow}:0:{nodeId}";
            Assert.Equal(flow, delivery.Body!["flow_id"]!.GetValue<string>());
            Assert.Equal(0, delivery.Body["cycle"]!.GetValue<long>());
            Assert.Equal(0, delivery.Body["round"]!.GetValue<long>());
            Assert.Equal(1, delivery.Body["attempt"]!.GetValue<int>());
            Assert.Equal(nodeId, delivery.Body["node_id"]!.GetValue<string>());
            Assert.Equal(runId, delivery.Body["run_id"]!.GetValue<string>());
            Assert.Equal(runId, delivery.RunId);
            Assert.Equal(runId, delivery.IdempotencyKey);
            Assert.Equal(fixture.NodeUrl(flow, nodeId), delivery.Body["config"]!["url"]!.GetValue<string>());
            Assert.Equal(runId, Node(detail, nodeId)["run_id"]!.GetValue<string>());
            Assert.Equal(1, Node(detail, nodeId)["attempts"]!.GetValue<int>());
        }

        var aFinished = Time(Node(detail, "a"), "finished_at");
        Assert.True(b.ArrivedAt >= aFinished, $"b arrived at {b.ArrivedAt:O}, before a finished at {aFinished:O}");
        Assert.True(c.ArrivedAt >= aFinished, $"c arrived at {c.ArrivedAt:O}, before a finished at {aFinished:O}");
        Assert.True(Time(Node(detail, "b"), "started_at") >= aFinished, detail.ToJsonString());
        AssertJson(config, Node(detail, "a")["output"]);
        AssertJson(bAnswer, Node(detail, "b")["output"]);
        AssertJson(new JsonObject { ["text"] = "plain answer" }, Node(detail, "c")["output"]);
    }

    [Fact]
    public async Task AFailedNodeFailsItsOwnComponentFastWhileAnotherComponentSucceeds()
    {
        var flow = NewId("failfast");
        Receiver.Respond(FlowClusterFixture.NodePath(flow, "x"), 500);
        await Flows.RegisterAsync(Flow(flow,
            [Http("x", fixture.NodeUrl(flow, "x"), maxRetries: 0), Log("y"), Log("z"), Log("p", new JsonObject { ["v"] = 1 }), Http("q", fixture.NodeUrl(flow, "q"))],
            [Edge("x", "y"), Edge("x", "z"), Edge("p", "q")]));

        var cycle = await Flows.StartCycleNumberAsync(flow);
        var detail = await Flows.FinishedCycleAsync(flow, cycle);

        Assert.Equal("failed", State(detail));
        Assert.Equal("p=succeeded q=succeeded x=failed y=upstream_failed z=upstream_failed", NodeStates(detail));
        Assert.Contains("500", Node(detail, "x")["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("failed", State(Component(detail, 0)));
        Assert.Equal("succeeded", State(Component(detail, 1)));
        Assert.Equal(["x", "y", "z"], ComponentNodes(detail, 0));
        Assert.Equal(["p", "q"], ComponentNodes(detail, 1));
        Assert.Single(Receiver.To(FlowClusterFixture.NodePath(flow, "x")));
        var q = Assert.Single(Receiver.To(FlowClusterFixture.NodePath(flow, "q")));
        AssertJson(new JsonObject { ["p"] = new JsonObject { ["v"] = 1 } }, q.Body!["inputs"]);
        var summary = (await Flows.CyclesAsync(flow))["cycles"]![0]!;
        Assert.Equal(1, summary["nodes"]!["failed"]!.GetValue<int>());
        Assert.Equal(2, summary["nodes"]!["succeeded"]!.GetValue<int>());
    }

    [Fact]
    public async Task ANodeTriggeredOnAllDoneRunsAfterItsUpstreamFailed()
    {
        var flow = NewId("alldone");
        Receiver.Respond(FlowClusterFixture.NodePath(flow, "f"), 500);
        await Flows.RegisterAsync(Flow(flow,
            [Http("f", fixture.NodeUrl(flow, "f")), Http("cleanup", fixture.NodeUrl(flow, "cleanup"), trigger: "all_done"), Log("after")],
            [Edge("f", "cleanup"), Edge("f", "after")]));

        var cycle = await Flows.StartCycleNumberAsync(flow);
        var detail = await Flows.FinishedCycleAsync(flow, cycle);

        Assert.Equal("after=upstream_failed cleanup=succeeded f=failed", NodeStates(detail));
        Assert.Equal("failed", State(detail));
        var cleanup = Assert.Single(Receiver.To(FlowClusterFixture.NodePath(flow, "cleanup")));
        Assert.True(cleanup.ArrivedAt >= Time(Node(detail, "f"), "finished_at"), detail.ToJsonString());
    }

    [Fact]
    public async Task AnUnknownCycleOrFlowIsNotFound()
    {
        var flow = NewId("unknown-cycle");
        await Flows.RegisterAsync(Flow(flow, [Log("a")], []));

        await AssertNotFoundProblemAsync(await Flows.GetCycleAsync(flow, 3));
        await AssertNotFoundProblemAsync(await Flows.GetCycleAsync(NewId("nobody"), 0));
    }

    private static string[] ComponentNodes(JsonObject cycle, int component) =>
        [.. Component(cycle, component)["nodes"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal)];

    private static void AssertJson(JsonNode expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}");
}

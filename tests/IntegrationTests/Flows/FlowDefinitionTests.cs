using System.Net;
using System.Text.Json.Nodes;
using Actors.IntegrationTests.Support;
using static Actors.IntegrationTests.Flows.FlowJson;
using static Actors.IntegrationTests.Flows.FlowsApi;

namespace Actors.IntegrationTests.Flows;

/// <summary>Registering, replacing and reading a flow definition.</summary>
[Collection(FlowCollection.Name)]
public sealed class FlowDefinitionTests(FlowClusterFixture fixture)
{
    private FlowsApi Flows => fixture.Flows;

    private FlowReceiver Receiver => fixture.Receiver;

    [Fact]
    public async Task AReplacedDefinitionIsUsedByTheNextCycleWhileTheRunningCycleKeepsItsSnapshot()
    {
        var flow = NewId("replace");
        Receiver.Delay(FlowClusterFixture.NodePath(flow, "r1"), TimeSpan.FromSeconds(5));
        await Flows.RegisterAsync(Flow(flow, [Http("r1", fixture.NodeUrl(flow, "r1")), Http("r2", fixture.NodeUrl(flow, "r2"))], [Edge("r1", "r2")]));
        var first = await Flows.StartCycleNumberAsync(flow);
        await Poll.UntilAsync(() => Task.FromResult(Receiver.InProgress.ContainsKey($"{flow}:{first}:r1")), running => running, CycleDeadline,
            "r1 to be running at the receiver", fixture.Cluster.Logs);

        var v2 = Flow(flow, [Log("n1", new JsonObject { ["version"] = 2 }), Http("n2", fixture.NodeUrl(flow, "n2"))], [Edge("n1", "n2", "version", "v")]);
        var replaced = await Flows.RegisterAsync(v2, HttpStatusCode.OK);
        var old = await Flows.FinishedCycleAsync(flow, first);
        var second = await Flows.StartCycleNumberAsync(flow);
        var current = await Flows.FinishedCycleAsync(flow, second);
        var status = await Flows.StatusAsync(flow);

        Assert.False(replaced["created"]!.GetValue<bool>());
        Assert.Equal(2, replaced["nodes"]!.GetValue<int>());
        Assert.Equal("succeeded", State(old));
        Assert.Equal("r1=succeeded r2=succeeded", NodeStates(old));
        Assert.Single(Receiver.To(FlowClusterFixture.NodePath(flow, "r2")));
        Assert.Equal("succeeded", State(current));
        Assert.Equal("n1=succeeded n2=succeeded", NodeStates(current));
        var n2 = Assert.Single(Receiver.To(FlowClusterFixture.NodePath(flow, "n2")));
        Assert.Equal(second, n2.Body!["cycle"]!.GetValue<long>());
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["v"] = 2 }, n2.Body["inputs"]), n2.Text);
        Assert.Single(Receiver.To(FlowClusterFixture.NodePath(flow, "r1")));
        Assert.True(JsonNode.DeepEquals(v2["flow_json"], status["flow_json"]), status["flow_json"]?.ToJsonString());
        Assert.Equal(2, status["nodes"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheStatusShowsTheDefinitionItsComponentsAndItsLastCycles()
    {
        var flow = NewId("status");
        var definition = Flow(flow, [Log("a"), Log("b"), Log("lonely")], [Edge("a", "b")]);
        await Flows.RegisterAsync(definition);
        var cycle = await Flows.StartCycleNumberAsync(flow);
        await Flows.FinishedCycleAsync(flow, cycle);

        var status = await Flows.StatusAsync(flow);
        var listed = await JsonAsync(await Flows.Http.GetAsync(new Uri($"/api/v1/flows?q={flow}", UriKind.Relative)), HttpStatusCode.OK);

        Assert.Equal(flow, status["flow_id"]!.GetValue<string>());
        Assert.Equal("active", status["status"]!.GetValue<string>());
        Assert.Equal(3, status["nodes"]!.GetValue<int>());
        Assert.Null(status["schedule"]);
        Assert.Null(status["next_cycle_at"]);
        Assert.Null(status["running_cycle"]);
        Assert.True(JsonNode.DeepEquals(definition["flow_json"], status["flow_json"]), status["flow_json"]?.ToJsonString());
        var components = status["components"]!.AsArray();
        Assert.Equal(2, components.Count);
        Assert.Equal(["a", "b"], components[0]!["nodes"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(["lonely"], components[1]!["nodes"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(0, status["last_cycle"]!["cycle"]!.GetValue<long>());
        Assert.Equal("succeeded", status["last_cycle"]!["state"]!.GetValue<string>());
        var recent = Assert.Single(status["cycles"]!.AsArray());
        Assert.Equal(3, recent!["nodes"]!["succeeded"]!.GetValue<int>());
        var summary = Assert.Single(listed["flows"]!.AsArray());
        Assert.Equal(flow, summary!["flow_id"]!.GetValue<string>());
        Assert.Equal(2, summary["components"]!.GetValue<int>());
        Assert.Equal(1, listed["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheFlowListIsOrderedByIdAndPaged()
    {
        var prefix = NewId("paged");
        string[] ids = [$"{prefix}-c", $"{prefix}-a", $"{prefix}-b"];
        foreach (var id in ids)
        {
            await Flows.RegisterAsync(Flow(id, [Log("a")], []));
        }

        var first = await JsonAsync(await Flows.Http.GetAsync(new Uri($"/api/v1/flows?q={prefix}&limit=2", UriKind.Relative)), HttpStatusCode.OK);
        var second = await JsonAsync(await Flows.Http.GetAsync(new Uri($"/api/v1/flows?q={prefix}&offset=2&limit=2", UriKind.Relative)), HttpStatusCode.OK);

        Assert.Equal(3, first["total"]!.GetValue<int>());
        Assert.Equal(2, first["limit"]!.GetValue<int>());
        Assert.Equal([$"{prefix}-a", $"{prefix}-b"], first["flows"]!.AsArray().Select(f => f!["flow_id"]!.GetValue<string>()));
        Assert.Equal(2, second["offset"]!.GetValue<int>());
        Assert.Equal([$"{prefix}-c"], second["flows"]!.AsArray().Select(f => f!["flow_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ParallelRegistrationsOfANewFlowCreateItOnce()
    {
        var flow = NewId("parallel-create");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Flows.ExecuteAsync(Flow(flow, [Log("a")], []))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
    }

    [Fact]
    public async Task AFlowIdMayUseDotsDashesAndUnderscoresUpToAHundredCharacters()
    {
        var dotted = "v1.2_flow-" + Guid.NewGuid().ToString("N")[..8];
        var longest = "L" + Guid.NewGuid().ToString("N") + new string('x', 67);

        await Flows.RegisterAsync(Flow(dotted, [Log("a")], []));
        await Flows.RegisterAsync(Flow(longest, [Log("a")], []));
        var cycle = await Flows.FinishedCycleAsync(dotted, await Flows.StartCycleNumberAsync(dotted));
        var status = await Flows.StatusAsync(longest);

        Assert.Equal(100, longest.Length);
        Assert.Equal("succeeded", State(cycle));
        Assert.Equal($"{dotted}:0:a", Node(cycle, "a")["run_id"]!.GetValue<string>());
        Assert.Equal(longest, status["flow_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheStatusListsTheLastTenCyclesNewestFirst()
    {
        var flow = NewId("ten");
        await Flows.RegisterAsync(Flow(flow, [Log("a")], []));
        for (var i = 0; i < 12; i++)
        {
            await Flows.FinishedCycleAsync(flow, await Flows.StartCycleNumberAsync(flow));
        }

        var status = await Flows.StatusAsync(flow);
        var list = await Flows.CyclesAsync(flow);

        Assert.Equal(Enumerable.Range(2, 10).Reverse().Select(n => (long)n), status["cycles"]!.AsArray().Select(c => c!["cycle"]!.GetValue<long>()));
        Assert.Equal(12, list["total"]!.GetValue<int>());
        Assert.Equal(11, status["last_cycle"]!["cycle"]!.GetValue<long>());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Actors.IntegrationTests.Support;
using static Actors.IntegrationTests.Flows.FlowJson;
using static Actors.IntegrationTests.Flows.FlowsApi;

namespace Actors.IntegrationTests.Flows;

/// <summary>The seed's single-node endpoints (<c>/nodes/execute</c>, status, stop) and <c>/stats</c>.</summary>
[Collection(FlowCollection.Name)]
public sealed class SeedNodeEndpointTests(FlowClusterFixture fixture)
{
    private HttpClient Http => fixture.Cluster.Http;

    [Fact]
    public async Task ASeedNodeRunsOnceAsAOneNodeCycleOfItsFlow()
    {
        var flow = NewId("seed");
        var node = NewId("binance_price_node_1");
        var config = new JsonObject { ["node_class_type"] = "binance_price_node", ["symbol"] = "BTCUSDT", ["interval"] = "1h", ["limit"] = 10 };

        var accepted = await JsonAsync(await Http.PostAsJsonAsync(new Uri("/api/v1/nodes/execute", UriKind.Relative), SeedBody(flow, node, "log", config)), HttpStatusCode.Accepted);
        var number = accepted["cycle"]!.GetValue<long>();
        var status = await NodeStatusWhenAsync(node, s => State(s) == "succeeded", "the node to succeed");
        var flowStatus = await fixture.Flows.StatusAsync(flow);
        var cycle = await fixture.Flows.CycleAsync(flow, number);

        Assert.True(accepted["success"]!.GetValue<bool>());
        Assert.Equal(flow, accepted["flow_id"]!.GetValue<string>());
        Assert.Equal(node, accepted["node_id"]!.GetValue<string>());
        Assert.Equal($"{flow}:{number}:{node}", accepted["run_id"]!.GetValue<string>());
        Assert.Equal(flow, status["flow_id"]!.GetValue<string>());
        Assert.Equal(number, status["cycle"]!.GetValue<long>());
        Assert.Equal(node, status["node_id"]!.GetValue<string>());
        Assert.Equal("log", status["type"]!.GetValue<string>());
        Assert.Equal($"{flow}:{number}:{node}", status["run_id"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(config, status["output"]), status.ToJsonString());
        Assert.Null(flowStatus["schedule"]);
        Assert.Null(flowStatus["next_cycle_at"]);
        Assert.Equal("succeeded", State(cycle));
        Assert.Equal("node", cycle["trigger"]!.GetValue<string>());
        Assert.Equal($"{node}=succeeded", NodeStates(cycle));
    }

    [Fact]
    public async Task ASeedNodeRunsAsTheCycleItsBodyNames()
    {
        // The seed's body carries "cycle": 1; a caller who names the cycle expects the run to be that
        // cycle (as POST .../cycles {"cycle": 5} is), and its run id to say so.
        var flow = NewId("seed-cycle");
        var node = NewId("named_cycle_node");

        var accepted = await JsonAsync(await Http.PostAsJsonAsync(new Uri("/api/v1/nodes/execute", UriKind.Relative), SeedBody(flow, node, "log", [])), HttpStatusCode.Accepted);

        Assert.Equal(1, accepted["cycle"]!.GetValue<long>());
        Assert.Equal($"{flow}:1:{node}", accepted["run_id"]!.GetValue<string>());
        var cycle = await fixture.Flows.FinishedCycleAsync(flow, 1);
        Assert.Equal("succeeded", State(cycle));
    }

    [Fact]
    public async Task StoppingASeedNodeCancelsItsRun()
    {
        var flow = NewId("seed-stop");
        var node = NewId("slow_node");
        fixture.Receiver.Delay(FlowClusterFixture.NodePath(flow, node), TimeSpan.FromSeconds(30));
        var config = new JsonObject { ["url"] = fixture.NodeUrl(flow, node), ["method"] = "POST" };

        var accepted = await JsonAsync(await Http.PostAsJsonAsync(new Uri("/api/v1/nodes/execute", UriKind.Relative), SeedBody(flow, node, "http", config)), HttpStatusCode.Accepted);
        var runId = accepted["run_id"]!.GetValue<string>();
        await Poll.UntilAsync(() => Task.FromResult(fixture.Receiver.InProgress.ContainsKey(runId)), running => running, CycleDeadline,
            "the node's request to reach the receiver", fixture.Cluster.Logs);
        await JsonAsync(await Http.PostAsync(new Uri($"/api/v1/nodes/{node}/stop", UriKind.Relative), null), HttpStatusCode.OK);
        var status = await NodeStatusWhenAsync(node, s => State(s) != "running", "the node to stop");
        await Poll.UntilAsync(() => Task.FromResult(fixture.Receiver.CutOff.Any(c => c.RunId == runId)), cut => cut, TimeSpan.FromSeconds(10),
            "the node's request to be cut off", fixture.Cluster.Logs);

        Assert.Equal("stopped", State(status));
    }

    [Fact]
    public async Task StatsShowEverySiloWithItsLoad()
    {
        var stats = await JsonAsync(await Http.GetAsync(new Uri("/api/v1/stats", UriKind.Relative)), HttpStatusCode.OK);

        var silo = Assert.Single(stats["silos"]!.AsArray())!;
        Assert.False(string.IsNullOrEmpty(silo["silo"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(silo["address"]!.GetValue<string>()));
        Assert.InRange(silo["cpu_percent"]!.GetValue<double>(), 0, 100 * Environment.ProcessorCount);
        Assert.True(silo["memory_bytes"]!.GetValue<long>() > 0, silo.ToJsonString());
        Assert.True(silo["activations"]!.GetValue<long>() > 0, silo.ToJsonString());
        Assert.True(silo["runs_per_second"]!.GetValue<double>() >= 0, silo.ToJsonString());
        Assert.True(stats["runs_per_second"]!.GetValue<double>() >= 0, stats.ToJsonString());
    }

    [Fact]
    public async Task AnUnknownNodeIsNotFound()
    {
        var response = await Http.GetAsync(new Uri($"/api/v1/nodes/{NewId("nobody")}/status", UriKind.Relative));

        await AssertNotFoundProblemAsync(response);
    }

    private static JsonObject SeedBody(string flow, string node, string type, JsonObject config) => new()
    {
        ["flow_id"] = flow,
        ["component_id"] = 1,
        ["cycle"] = 1,
        ["node_id"] = node,
        ["node_type"] = type,
        ["input_edges"] = new JsonArray(),
        ["output_edges"] = new JsonArray(new JsonObject
        {
            ["source"] = node,
            ["source_handle"] = "price_data_handle",
            ["target"] = "data_processor_2",
            ["target_handle"] = "price_data_handle",
        }),
        ["config"] = config,
    };

    private Task<JsonObject> NodeStatusWhenAsync(string node, Func<JsonObject, bool> until, string what) => Poll.UntilAsync(
        async () =>
        {
            using var response = await Http.GetAsync(new Uri($"/api/v1/nodes/{node}/status", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject() : null!;
        },
        status => status is not null && until(status),
        CycleDeadline,
        $"node {node}: {what}",
        fixture.Cluster.Logs);
}

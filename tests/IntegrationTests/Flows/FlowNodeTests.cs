using System.Net;
using System.Text.Json.Nodes;
using Actors.IntegrationTests.Support;
using static Actors.IntegrationTests.Flows.FlowJson;
using static Actors.IntegrationTests.Flows.FlowsApi;

namespace Actors.IntegrationTests.Flows;

/// <summary>What one node does inside a cycle: inputs from several upstreams, retries, timeouts, headers, output sizes.</summary>
[Collection(FlowCollection.Name)]
public sealed class FlowNodeTests(FlowClusterFixture fixture)
{
    private FlowsApi Flows => fixture.Flows;

    private FlowReceiver Receiver => fixture.Receiver;

    [Fact]
    public async Task ANodeWithSeveralUpstreamsWaitsForAllOfThemAndGetsEachUnderItsHandle()
    {
        var flow = NewId("fanin");
        Receiver.Delay(FlowClusterFixture.NodePath(flow, "u2"), TimeSpan.FromSeconds(2));
        Receiver.AnswerJson(FlowClusterFixture.NodePath(flow, "u2"), new JsonObject { ["y"] = 2 });
        await Flows.RegisterAsync(Flow(flow,
            [Log("u1", new JsonObject { ["x"] = 1 }), Http("u2", fixture.NodeUrl(flow, "u2")), Http("m", fixture.NodeUrl(flow, "m"))],
            [Edge("u1", "m", "x", "from1"), Edge("u2", "m"), Edge("u2", "m", sourceHandle: "nope", targetHandle: "whole")]));

        var cycle = await Flows.StartCycleNumberAsync(flow);
        var detail = await Flows.FinishedCycleAsync(flow, cycle);

        Assert.Equal("m=succeeded u1=succeeded u2=succeeded", NodeStates(detail));
        var m = Assert.Single(Receiver.To(FlowClusterFixture.NodePath(flow, "m")));
        Assert.True(m.ArrivedAt >= Time(Node(detail, "u2"), "finished_at"), detail.ToJsonString());
        var expected = new JsonObject { ["from1"] = 1, ["u2"] = new JsonObject { ["y"] = 2 }, ["whole"] = new JsonObject { ["y"] = 2 } };
        Assert.True(JsonNode.DeepEquals(expected, m.Body!["inputs"]), m.Text);
    }

    [Fact]
    public async Task AnOutputThatIsNotAnObjectIsPassedWholeWhateverTheHandle()
    {
        var flow = NewId("array");
        Receiver.AnswerJson(FlowClusterFixture.NodePath(flow, "list"), new JsonArray(1, 2, 3));
        await Flows.RegisterAsync(Flow(flow, [Http("list", fixture.NodeUrl(flow, "list")), Http("use", fixture.NodeUrl(flow, "use"))], [Edge("list", "use", "items", "all")]));

        var cycle = await Flows.StartCycleNumberAsync(flow);
        var detail = await Flows.FinishedCycleAsync(flow, cycle);

        Assert.Equal("list=succeeded use=succeeded", NodeStates(detail));
        Assert.True(JsonNode.DeepEquals(new JsonArray(1, 2, 3), Node(detail, "list")["output"]), detail.ToJsonString());
        var use = Assert.Single(Receiver.To(FlowClusterFixture.NodePath(flow, "use")));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["all"] = new JsonArray(1, 2, 3) }, use.Body!["inputs"]), use.Text);
    }

    [Fact]
    public async Task AFailingHttpNodeIsRetriedUnderOneRunIdUntilItSucceeds()
    {
        var flow = NewId("retry");
        var path = FlowClusterFixture.NodePath(flow, "flaky");
        Receiver.Respond(path, 500, 503);
        await Flows.RegisterAsync(Flow(flow, [Http("flaky", fixture.NodeUrl(flow, "flaky"), maxRetries: 2), Http("next", fixture.NodeUrl(flow, "next"))], [Edge("flaky", "next")]));

        var cycle = await Flows.StartCycleNumberAsync(flow);
        var detail = await Flows.FinishedCycleAsync(flow, cycle);

        Assert.Equal("succeeded", State(detail));
        Assert.Equal(3, Node(detail, "flaky")["attempts"]!.GetValue<int>());
        var deliveries = Receiver.To(path);
        Assert.Equal([1, 2, 3], deliveries.Select(d => d.Body!["attempt"]!.GetValue<int>()));
        Assert.All(deliveries, d => Assert.Equal($"{flow}:{cycle}:flaky", d.RunId));
        Assert.Single(Receiver.To(FlowClusterFixture.NodePath(flow, "next")));
    }

    [Fact]
    public async Task ASlowHttpNodeTimesOutAndFails()
    {
        var flow = NewId("timeout");
        Receiver.Delay(FlowClusterFixture.NodePath(flow, "slow"), TimeSpan.FromSeconds(6));
        await Flows.RegisterAsync(Flow(flow, [Http("slow", fixture.NodeUrl(flow, "slow"), timeoutSeconds: 1)], []));

        var cycle = await Flows.StartCycleNumberAsync(flow);
        var detail = await Flows.FinishedCycleAsync(flow, cycle);

        Assert.Equal("failed", State(detail));
        Assert.Equal("slow=failed", NodeStates(detail));
        Assert.Contains("timed out", Node(detail, "slow")["error"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.True(Time(Node(detail, "slow"), "finished_at") - Time(Node(detail, "slow"), "started_at") < TimeSpan.FromSeconds(5), detail.ToJsonString());
    }

    [Fact]
    public async Task AnHttpNodeSendsItsConfiguredHeaders()
    {
        var flow = NewId("headers");
        await Flows.RegisterAsync(Flow(flow, [Http("h", fixture.NodeUrl(flow, "h"), headers: new JsonObject { ["X-Flow-Test"] = "yes" })], []));

        var cycle = await Flows.StartCycleNumberAsync(flow);
        await Flows.FinishedCycleAsync(flow, cycle);

        var delivery = Assert.Single(Receiver.To(FlowClusterFixture.NodePath(flow, "h")));
        Assert.Equal("yes", delivery.Headers.GetValueOrDefault("X-Flow-Test"));
        Assert.Equal("POST", delivery.Method);
    }

    [Fact]
    public async Task AnOutputOverFourKilobytesIsShownAsAnExcerptAndStillPassedDownstream()
    {
        var flow = NewId("excerpt");
        var big = new string('x', 6000);
        Receiver.AnswerJson(FlowClusterFixture.NodePath(flow, "big"), new JsonObject { ["data"] = big });
        await Flows.RegisterAsync(Flow(flow, [Http("big", fixture.NodeUrl(flow, "big")), Http("after", fixture.NodeUrl(flow, "after"))], [Edge("big", "after", "data", "d")]));

        var cycle = await Flows.StartCycleNumberAsync(flow);
        var detail = await Flows.FinishedCycleAsync(flow, cycle);

        Assert.Equal("succeeded", State(detail));
        var node = Node(detail, "big");
        Assert.Null(node["output"]);
        Assert.StartsWith("{\"data\":\"xxx", node["output_excerpt"]!.GetValue<string>().Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var after = Assert.Single(Receiver.To(FlowClusterFixture.NodePath(flow, "after")));
        Assert.Equal(big, after.Body!["inputs"]!["d"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnOutputOverSixtyFourKilobytesFailsTheNode()
    {
        var flow = NewId("huge");
        Receiver.AnswerJson(FlowClusterFixture.NodePath(flow, "huge"), new JsonObject { ["data"] = new string('x', 70_000) });
        await Flows.RegisterAsync(Flow(flow, [Http("huge", fixture.NodeUrl(flow, "huge")), Log("after")], [Edge("huge", "after")]));

        var cycle = await Flows.StartCycleNumberAsync(flow);
        var detail = await Flows.FinishedCycleAsync(flow, cycle);

        Assert.Equal("after=upstream_failed huge=failed", NodeStates(detail));
        Assert.Contains("64 KB", Node(detail, "huge")["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgentNodeGetsItsPayloadOnStdinAndItsLastStdoutLineIsItsOutput()
    {
        // The script prints a line of progress, then echoes its payload as its last line.
        var (flow, cycle, detail) = await RunAgentNodeAsync("agentnode", ["sh", "-c", "echo working; cat; echo"]);

        Assert.Equal("job=succeeded sink=succeeded src=succeeded", NodeStates(detail));
        AssertPayloadIsOutput(flow, cycle, detail);
        var sink = Assert.Single(Receiver.To(FlowClusterFixture.NodePath(flow, "sink")));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["from"] = "job" }, sink.Body!["inputs"]), sink.Text);
    }

    [Fact]
    public async Task AnAgentNodesLogLinesOnStderrDoNotHideTheJsonOnItsLastStdoutLine()
    {
        // As a Python script that logs to stderr would: the JSON result is still its last stdout line.
        var (flow, cycle, detail) = await RunAgentNodeAsync("agentstderr", ["sh", "-c", "cat; echo; echo 'a log line' >&2"]);

        Assert.Equal("job=succeeded sink=succeeded src=succeeded", NodeStates(detail));
        AssertPayloadIsOutput(flow, cycle, detail);
    }

    [Fact]
    public async Task StoppingAFlowKillsItsRunningAgentNodesProcess()
    {
        var flow = NewId("agentstop");
        var label = NewId("flowagent");
        var type = "flow_test_" + Guid.NewGuid().ToString("N")[..6];
        var marker = $"{Random.Shared.Next(100, 999)}.{Random.Shared.Next(100, 999)}";
        await using var agent = await StartAgentAsync(label, type);
        await Flows.RegisterAsync(Flow(flow, [Agent("job", type, ["sleep", marker], [label]), Http("after", fixture.NodeUrl(flow, "after"))], [Edge("job", "after")]));
        var cycle = await Flows.StartCycleNumberAsync(flow);
        await Poll.UntilAsync(() => Task.FromResult(ProcessesWith(marker).Length), n => n == 1, CycleDeadline, "the agent to start the node's process", () => agent.Tail);

        await JsonAsync(await Flows.StopAsync(flow), HttpStatusCode.OK);
        var detail = await Flows.FinishedCycleAsync(flow, cycle, TimeSpan.FromSeconds(10));
        await Poll.UntilAsync(() => Task.FromResult(ProcessesWith(marker).Length), n => n == 0, TimeSpan.FromSeconds(15), "the node's process to be killed", () => agent.Tail);
        await Poll.UntilAsync(() => RunsInFlightAsync(label), runs => runs.Length == 0, TimeSpan.FromSeconds(15), "the agent to have no run in flight", () => agent.Tail);

        Assert.Equal("stopped", State(detail));
        Assert.Equal("after=stopped job=stopped", NodeStates(detail));
        Assert.Empty(Receiver.To(FlowClusterFixture.NodePath(flow, "after")));
    }

    /// <summary>Runs src(log) → job(agent running <paramref name="command"/>) → sink(http) with a reference agent of its own.</summary>
    private async Task<(string Flow, long Cycle, JsonObject Detail)> RunAgentNodeAsync(string name, string[] command)
    {
        var flow = NewId(name);
        var label = NewId("flowagent");
        var type = "flow_test_" + Guid.NewGuid().ToString("N")[..6];
        await using var agent = await StartAgentAsync(label, type);
        await Flows.RegisterAsync(Flow(flow,
            [Log("src", new JsonObject { ["price"] = 7 }), Agent("job", type, command, [label]), Http("sink", fixture.NodeUrl(flow, "sink"))],
            [Edge("src", "job", "price", "p"), Edge("job", "sink", "node_id", "from")]));

        var cycle = await Flows.StartCycleNumberAsync(flow);
        var detail = await Flows.FinishedCycleAsync(flow, cycle);
        Assert.Equal(type, Node(detail, "job")["type"]!.GetValue<string>());
        return (flow, cycle, detail);
    }

    /// <summary>Starts the reference agent (a real process) for <paramref name="type"/> nodes with label <paramref name="label"/>, and waits until it is online.</summary>
    private async Task<ServiceProcess> StartAgentAsync(string label, string type)
    {
        var agent = ServiceProcess.Start($"agent-{label}", RepoPaths.CliDll, new Dictionary<string, string>(),
            "agent", "--server", fixture.Cluster.Http.BaseAddress!.ToString().TrimEnd('/'), "--name", label, "--labels", label, "--task-types", type);
        await Poll.UntilAsync(
            async () => (await fixture.Cluster.Http.GetStringAsync(new Uri("/api/v1/agents?online=true", UriKind.Relative))).Contains(label, StringComparison.Ordinal),
            online => online, TimeSpan.FromSeconds(30), "the agent to be online", () => agent.Tail);
        return agent;
    }

    /// <summary>The agent's runs in flight.</summary>
    private async Task<string[]> RunsInFlightAsync(string agent)
    {
        var agents = await JsonAsync(await fixture.Cluster.Http.GetAsync(new Uri("/api/v1/agents", UriKind.Relative)), HttpStatusCode.OK);
        return [.. agents["agents"]!.AsArray().Where(a => a!["name"]!.GetValue<string>() == agent).SelectMany(a => a!["runs_in_flight"]!.AsArray()).Select(r => r!.GetValue<string>())];
    }

    /// <summary>Processes on this machine whose command line contains <paramref name="text"/>.</summary>
    private static int[] ProcessesWith(string text) =>
        [.. Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(d => int.TryParse(d, out _)).Where(pid =>
        {
            try
            {
                return File.ReadAllText($"/proc/{pid}/cmdline").Contains(text, StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }).Select(pid => int.Parse(pid!, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The agent node echoed its stdin: its output is the payload the contract names.</summary>
    private static void AssertPayloadIsOutput(string flow, long cycle, JsonObject detail)
    {
        var output = Node(detail, "job")["output"];
        var payload = new JsonObject
        {
            ["flow_id"] = flow, ["cycle"] = cycle, ["node_id"] = "job", ["run_id"] = $"{flow}:{cycle}:job", ["inputs"] = new JsonObject { ["p"] = 7 },
        };
        foreach (var (key, value) in payload)
        {
            Assert.True(JsonNode.DeepEquals(value, output?[key]), $"the payload's {key} should be {value?.ToJsonString()}; the node's output is {output?.ToJsonString()}");
        }

        Assert.Equal("sh", output?["config"]?["command"]?[0]?.GetValue<string>());
    }
}

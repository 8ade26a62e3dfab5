using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.Agents;

/// <summary>The agent protocol against a real cluster, driven by hand (<see cref="FakeAgent"/>): leases, tokens, grace, order, bad input.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AgentProtocolTests(AgentClusterFixture fixture) : IClassFixture<AgentClusterFixture>
{
    [Fact]
    public async Task AnOfferedRunAcceptedAndReportedSucceedsAndARepeatedResultGetsTheRecordedOutcome()
    {
        var label = Label();
        await using var agent = await FakeAgent.RegisterAsync(fixture.Api, Name(), [label]);
        var taskId = await fixture.Cluster.CreateTaskAsync(AgentClusterFixture.AgentTask(Account(), [label], "echo hi"));

        var offer = await agent.NextAsync("offer");
        Assert.Equal($"{taskId}:1", offer["run_id"]!.GetValue<string>());
        Assert.Equal(new JsonArray("sh", "-c", "echo hi").ToJsonString(), offer["command"]!.ToJsonString());
        Assert.Equal("hello", offer["payload"]!["greeting"]!.GetValue<string>());
        Assert.Equal("accepted", (await agent.AcceptAsync(offer))["verdict"]!.GetValue<string>());
        var first = await agent.ResultAsync(offer, 0, "hi");
        var again = await agent.ResultAsync(offer, 0, "hi");

        Assert.Equal(("accepted", "succeeded"), (first["verdict"]!.GetValue<string>(), first["outcome"]!.GetValue<string>()));
        Assert.Equal(("duplicate", "succeeded"), (again["verdict"]!.GetValue<string>(), again["outcome"]!.GetValue<string>()));
        var runs = await fixture.RunsWhenAsync(taskId, r => r.Any(x => x["outcome"]!.GetValue<string>() == "succeeded"), "the run to succeed");
        var run = Assert.Single(runs);
        Assert.Equal("hi", run["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAgentThatReconnectsWithinTheGraceKeepsItsRun()
    {
        var label = Label();
        var name = Name();
        var agent = await FakeAgent.RegisterAsync(fixture.Api, name, [label]);
        var taskId = await fixture.Cluster.CreateTaskAsync(AgentClusterFixture.AgentTask(Account(), [label], "sleep 1", maxRetries: 2));
        var offer = await agent.NextAsync("offer");
        await agent.AcceptAsync(offer);

        agent.Abort();
        await agent.DisposeAsync();
        await using var back = await FakeAgent.RegisterAsync(fixture.Api, name, [label], running: [FakeAgent.Lease("lease", offer)]);
        var ack = await back.ResultAsync(offer, 0, "done");

        Assert.Equal("accepted", ack["verdict"]!.GetValue<string>());
        var runs = await fixture.RunsWhenAsync(taskId, r => r.Any(x => x["outcome"]!.GetValue<string>() == "succeeded"), "the run to succeed");
        var run = Assert.Single(runs);
        Assert.Equal(1, run["attempt"]!.GetValue<int>());
    }

    [Fact]
    public async Task ALostAgentsAttemptIsAbandonedAndRetriedAndItsLateResultIsRefused()
    {
        var label = Label();
        var lostName = Name();
        var lost = await FakeAgent.RegisterAsync(fixture.Api, lostName, [label]);
        var taskId = await fixture.Cluster.CreateTaskAsync(AgentClusterFixture.AgentTask(Account(), [label], "sleep 1", maxRetries: 2));
        var first = await lost.NextAsync("offer");
        await lost.AcceptAsync(first);

        // It goes silent past the grace; another agent gets the retry.
        lost.Abort();
        await using var other = await FakeAgent.RegisterAsync(fixture.Api, Name(), [label]);
        var retry = await other.NextAsync("offer", TimeSpan.FromSeconds(30));
        Assert.Equal(2, retry["attempt"]!.GetValue<int>());
        await other.AcceptAsync(retry);
        await using var lostAgain = await FakeAgent.RegisterAsync(fixture.Api, lostName, [label]);
        var stale = await lostAgain.ResultAsync(first, 0, "too late");
        var fresh = await other.ResultAsync(retry, 0, "in time");

        Assert.Equal("refused", stale["verdict"]!.GetValue<string>());
        Assert.Equal("accepted", fresh["verdict"]!.GetValue<string>());
        var runs = await fixture.RunsWhenAsync(taskId, r => r.Any(x => x["outcome"]!.GetValue<string>() == "succeeded"), "the retry to succeed");
        Assert.Equal(["succeeded", "abandoned"], runs.Select(r => r["outcome"]!.GetValue<string>()));
        Assert.Equal("in time", runs[0]["output"]!.GetValue<string>());
        Assert.Contains("lost", runs[1]["error"]!.GetValue<string>(), StringComparison.Ordinal);
        await lost.DisposeAsync();
    }

    [Fact]
    public async Task WaitingRunsAreOfferedHighThenNormalThenLowAndNeverBeyondMaxConcurrent()
    {
        var label = Label();
        var name = Name();
        await using var agent = await FakeAgent.RegisterAsync(fixture.Api, name, [label], maxConcurrent: 1);
        var blocker = await DispatchAsync(label, "normal");
        var busy = await agent.NextAsync("offer");
        Assert.Equal(blocker, busy["run_id"]!.GetValue<string>());
        await agent.AcceptAsync(busy);
        var low = await DispatchAsync(label, "low");
        var normal = await DispatchAsync(label, "normal");
        var high = await DispatchAsync(label, "high");
        await WaitQueuedAsync(name, 3);

        var order = new List<string>();
        var current = busy;
        for (var i = 0; i < 3; i++)
        {
            await agent.ResultAsync(current, 0);
            current = await agent.NextAsync("offer");
            order.Add(current["run_id"]!.GetValue<string>());
            await agent.AcceptAsync(current);
        }

        await agent.ResultAsync(current, 0);
        Assert.Equal([high, normal, low], order);
    }

    [Fact]
    public async Task ARunNoAgentTakesEndsTimedOutAfterItsQueueTimeout()
    {
        var taskId = await fixture.Cluster.CreateTaskAsync(AgentClusterFixture.AgentTask(Account(), [Label(), "gpu"], "true", queueTimeoutSeconds: 2));

        var runs = await fixture.RunsWhenAsync(taskId, r => r.Count > 0 && r[0]["outcome"]!.GetValue<string>() != "running", "the run to end");

        var run = Assert.Single(runs);
        Assert.Equal("timed_out", run["outcome"]!.GetValue<string>());
        Assert.StartsWith("no agent with labels [", run["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("gpu", run["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadRegistrationIsRefusedWithEveryProblemAndClosedWith4400()
    {
        await using var agent = await FakeAgent.ConnectAsync(fixture.Api);
        await agent.SendAsync(new JsonObject { ["type"] = "register", ["name"] = "my agent", ["max_concurrent"] = 0 });

        var messages = await agent.UntilClosedAsync();

        var error = Assert.Single(messages);
        Assert.Equal("error", error["type"]!.GetValue<string>());
        Assert.Equal(["name", "max_concurrent"], error["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
        Assert.Equal(4400, (int)agent.CloseStatus!);
    }

    [Fact]
    public async Task AMalformedMessageGetsAnErrorAndClosesTheConnectionWithoutLosingTheRun()
    {
        var label = Label();
        var name = Name();
        var agent = await FakeAgent.RegisterAsync(fixture.Api, name, [label]);
        var taskId = await fixture.Cluster.CreateTaskAsync(AgentClusterFixture.AgentTask(Account(), [label], "true"));
        var offer = await agent.NextAsync("offer");
        await agent.AcceptAsync(offer);

        await agent.SendRawAsync("{\"type\": \"result\", \"run_id\": 5}");
        var messages = await agent.UntilClosedAsync();

        Assert.Contains(messages, m => m["type"]!.GetValue<string>() == "error" && m["message"]!.GetValue<string>().Contains("Malformed", StringComparison.Ordinal));
        Assert.Equal(4400, (int)agent.CloseStatus!);
        await agent.DisposeAsync();
        await using var back = await FakeAgent.RegisterAsync(fixture.Api, name, [label], running: [FakeAgent.Lease("lease", offer)]);
        Assert.Equal("accepted", (await back.ResultAsync(offer, 0))["verdict"]!.GetValue<string>());
        await fixture.RunsWhenAsync(taskId, r => r.Any(x => x["outcome"]!.GetValue<string>() == "succeeded"), "the run to succeed");
    }

    [Fact]
    public async Task ADrainedAgentIsOfferedNothingNewAndAnOfflineOneCanBeForgotten()
    {
        var label = Label();
        var name = Name();
        var agent = await FakeAgent.RegisterAsync(fixture.Api, name, [label]);
        using (var drained = await fixture.Cluster.Http.PostAsync(new Uri($"/api/v1/agents/{name}/drain", UriKind.Relative), null))
        {
            Assert.True(drained.IsSuccessStatusCode);
        }

        await agent.NextAsync("drain");
        var taskId = await fixture.Cluster.CreateTaskAsync(AgentClusterFixture.AgentTask(Account(), [label], "true", queueTimeoutSeconds: 2));
        var runs = await fixture.RunsWhenAsync(taskId, r => r.Count > 0 && r[0]["outcome"]!.GetValue<string>() != "running", "the run to end");
        Assert.Equal("timed_out", Assert.Single(runs)["outcome"]!.GetValue<string>());

        using (var online = await fixture.Cluster.Http.DeleteAsync(new Uri($"/api/v1/agents/{name}", UriKind.Relative)))
        {
            Assert.Equal(409, (int)online.StatusCode);
        }

        await agent.DisposeAsync();
        await Poll.UntilAsync(
            async () => (await fixture.Cluster.Http.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/agents/{name}", UriKind.Relative)))!["online"]!.GetValue<bool>(),
            online => !online,
            TimeSpan.FromSeconds(30),
            $"{name} to be offline");
        using var forgotten = await fixture.Cluster.Http.DeleteAsync(new Uri($"/api/v1/agents/{name}", UriKind.Relative));
        using var gone = await fixture.Cluster.Http.GetAsync(new Uri($"/api/v1/agents/{name}", UriKind.Relative));
        Assert.True(forgotten.IsSuccessStatusCode);
        Assert.Equal(404, (int)gone.StatusCode);
    }

    [Fact]
    public async Task AnAgentTaskWithoutACommandIsRefusedAtCreate()
    {
        var request = AgentClusterFixture.AgentTask(Account(), [Label()], "");

        using var response = await fixture.Cluster.Http.PostAsJsonAsync(new Uri("/api/v1/tasks/", UriKind.Relative), request);

        Assert.Equal(400, (int)response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(body!["errors"]!["agent.command"]);
    }

    private async Task<string> DispatchAsync(string label, string priority)
    {
        using var response = await fixture.Cluster.Http.PostAsJsonAsync(new Uri("/api/v1/dispatch", UriKind.Relative), new JsonObject
        {
            ["task_type"] = "bench", ["labels"] = new JsonArray(label), ["command"] = "true", ["priority"] = priority, ["payload"] = new JsonObject { ["n"] = 1 },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, body?.ToJsonString());
        return body!["run_id"]!.GetValue<string>();
    }

    /// <summary>Waits until the runs wait at the hub for this agent, so the order of offers is the hub's alone.</summary>
    private Task<int> WaitQueuedAsync(string agent, int runs) => Poll.UntilAsync(
        async () => (await fixture.Cluster.Http.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/agents/{agent}", UriKind.Relative)))!["runs_waiting"]!.GetValue<int>(),
        waiting => waiting >= runs,
        TimeSpan.FromSeconds(30),
        $"{runs} runs waiting for {agent}");

    private static string Label() => $"l{Guid.NewGuid():N}"[..12];

    private static string Name() => $"fake-{Guid.NewGuid():N}"[..16];

    private static string Account() => $"agent-{Guid.NewGuid():N}";
}

using System.Text.Json.Nodes;
using Actors.IntegrationTests.Support;
using static Actors.IntegrationTests.Flows.FlowJson;
using static Actors.IntegrationTests.Flows.FlowsApi;

namespace Actors.IntegrationTests.Flows;

/// <summary>
/// kill -9 of the silo running a flow's node mid-cycle: the cycle still ends, once, with every node
/// succeeded. While it recovers the test only watches the receiver: reading the cycle over the API
/// would wake its grain on the surviving silo and hide a cycle nobody else brings back.
/// </summary>
public sealed class FlowFailoverTests(TwoSiloFlowFixture fixture) : IClassFixture<TwoSiloFlowFixture>
{
    /// <summary>How long the receiver holds the middle node's request: long enough to find its silo and kill it.</summary>
    private static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The bound for the downstream node to be called after the kill: silo death detection (about 5 s), the
    /// dead-silo sweep waking the cycle, the retried slow node (8 s). A cycle woken only by its one-minute
    /// reminder would miss it.
    /// </summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(40);

    private FlowReceiver Receiver => fixture.Receiver;

    [Fact]
    public Task AScheduledCycleWhoseSiloIsKilledMidNodeEndsSucceededWithEveryNodeRunOnce() =>
        KillMidNodeAsync("killed-scheduled", new JsonObject { ["interval"] = 3600, ["run_immediately"] = true });

    [Fact]
    public Task AManualCycleWhoseSiloIsKilledMidNodeEndsSucceededWithEveryNodeRunOnce() =>
        KillMidNodeAsync("killed-manual", schedule: null);

    [Fact]
    public async Task AScheduledFlowGoesOnAfterEveryProcessIsKilledAndRestarted()
    {
        var flow = NewId("power-cut");
        var definition = Flow(flow, [Log("a", new JsonObject { ["k"] = "v" }), Http("b", fixture.NodeUrl(flow, "b"))], [Edge("a", "b", "k", "k")],
            new JsonObject { ["cycle_interval"] = "1s" });
        await fixture.Flows.RegisterAsync(definition);
        try
        {
            var before = await Poll.UntilAsync(() => Task.FromResult(Receiver.Under(flow + "/").Count), n => n >= 2, TimeSpan.FromSeconds(30),
                "two scheduled cycles before the power cut", fixture.Cluster.Logs);

            await fixture.Cluster.KillAllAsync();
            var killedAt = DateTimeOffset.UtcNow;
            fixture.Cluster.StartSilo(0);
            fixture.Cluster.StartSilo(1);
            fixture.Cluster.StartApi();
            await fixture.Cluster.WaitHealthyAsync(2);
            var seenBefore = Receiver.Under(flow + "/").Where(d => d.ArrivedAt < killedAt).Select(d => d.RunId).ToHashSet(StringComparer.Ordinal);
            var fresh = await Poll.UntilAsync(
                () => Task.FromResult(Receiver.Under(flow + "/").Where(d => d.ArrivedAt > killedAt && !seenBefore.Contains(d.RunId)).ToList()),
                d => d.Count >= 2, TimeSpan.FromSeconds(60), "two new scheduled cycles after the restart", fixture.Cluster.Logs);
            var status = await fixture.Flows.StatusAsync(flow);

            Assert.True(before >= 2);
            Assert.True(JsonNode.DeepEquals(definition["flow_json"], status["flow_json"]), status["flow_json"]?.ToJsonString());
            Assert.Equal("active", status["status"]!.GetValue<string>());
            Assert.All(fresh, d => Assert.Equal("v", d.Body!["inputs"]!["k"]!.GetValue<string>()));

            // Only the node in flight at the power cut may be sent again (same run id, its result lost with its silo).
            var repeated = Receiver.Under(flow + "/").GroupBy(d => d.RunId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(repeated.Count <= 1, $"run ids sent more than once: {string.Join(", ", repeated)}");
            Assert.All(repeated, runId => Assert.Contains(runId, seenBefore));
        }
        finally
        {
            await fixture.Flows.RemoveAsync(flow);
        }
    }

    private async Task KillMidNodeAsync(string name, JsonObject? schedule)
    {
        var flow = NewId(name);
        var slowPath = FlowClusterFixture.NodePath(flow, "slow");
        var lastPath = FlowClusterFixture.NodePath(flow, "last");
        Receiver.Delay(slowPath, SlowAnswer);

        // The slow node allows retries: a user who allowed them expects a crash not to fail the cycle.
        await fixture.Flows.RegisterAsync(Flow(flow,
            [Log("first", new JsonObject { ["x"] = 1 }), Http("slow", fixture.NodeUrl(flow, "slow"), maxRetries: 2), Http("last", fixture.NodeUrl(flow, "last"))],
            [Edge("first", "slow"), Edge("slow", "last")],
            schedule));
        if (schedule is null)
        {
            await fixture.Flows.StartCycleNumberAsync(flow);
        }

        var running = await Poll.UntilAsync(() => Task.FromResult(Receiver.InProgress.Values.FirstOrDefault(d => d.Path == "/" + slowPath)), d => d is not null,
            TimeSpan.FromSeconds(60), "the cycle's slow node to be running", fixture.Cluster.Logs);
        var cycle = running!.Body!["cycle"]!.GetValue<long>();
        var silos = fixture.Cluster.Silos.Where(s => s.Value.IsRunning).ToDictionary(s => s.Value.Id, s => s.Key);
        Assert.Equal(2, silos.Count);
        var owner = LoopbackSockets.OwnerOf(running.CallerPort, Receiver.Port, silos.Keys)
            ?? throw new InvalidOperationException($"no silo holds the connection from port {running.CallerPort}: {fixture.Cluster.Logs()}");
        var killed = silos[owner];
        try
        {
            await fixture.Cluster.Silos[killed].KillAsync();
            var killedAt = DateTimeOffset.UtcNow;
            var last = await Poll.UntilAsync(() => Task.FromResult(Receiver.To(lastPath) is [var first, ..] ? first : null), d => d is not null, RecoveryBound,
                $"the downstream node to be called after silo-{killed} was killed", fixture.Cluster.Logs);
            var detail = await fixture.Flows.CycleWhenAsync(flow, cycle, c => State(c) != "running", "to end after the kill", TimeSpan.FromSeconds(15));

            Assert.Equal("succeeded", State(detail));
            Assert.Equal("first=succeeded last=succeeded slow=succeeded", NodeStates(detail));
            Assert.All(detail["nodes"]!.AsArray(), n => Assert.InRange(n!["attempts"]!.GetValue<int>(), 1, 3));
            Assert.All(Receiver.To(slowPath), d => Assert.Equal($"{flow}:{cycle}:slow", d.RunId));
            Assert.Contains(Receiver.Answers, a => a.RunId == $"{flow}:{cycle}:slow" && a.Status == 200 && a.At > killedAt);
            Assert.True(last!.ArrivedAt > killedAt, $"last was called at {last.ArrivedAt:O}, before the kill at {killedAt:O}");
            Assert.Equal($"{flow}:{cycle}:last", last.RunId);
            Assert.Single(Receiver.To(lastPath));
            Assert.Equal(0, Receiver.InProgress.Count(p => p.Key.StartsWith(flow + ":", StringComparison.Ordinal)));
            var status = await fixture.Flows.StatusAsync(flow);
            Assert.Null(status["running_cycle"]);
            Assert.Equal(cycle, status["last_cycle"]!["cycle"]!.GetValue<long>());
        }
        finally
        {
            await fixture.Flows.RemoveAsync(flow);
            fixture.Cluster.StartSilo(killed);
            await fixture.Cluster.WaitHealthyAsync(2);
        }
    }
}

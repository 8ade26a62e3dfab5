using System.Net;
using System.Text.Json.Nodes;
using Actors.IntegrationTests.Support;
using static Actors.IntegrationTests.Flows.FlowJson;
using static Actors.IntegrationTests.Flows.FlowsApi;

namespace Actors.IntegrationTests.Flows;

/// <summary>Starting cycles by hand, stopping a component or a whole flow, and resuming it.</summary>
[Collection(FlowCollection.Name)]
public sealed class FlowControlTests(FlowClusterFixture fixture)
{
    /// <summary>How soon a stop must cut off a node's request (the receiver would hold it for 30 s).</summary>
    private static readonly TimeSpan CutOffBound = TimeSpan.FromSeconds(10);

    private FlowsApi Flows => fixture.Flows;

    private FlowReceiver Receiver => fixture.Receiver;

    [Fact]
    public async Task StoppingAComponentCancelsItsRunningNodeAndSkipsItsPendingOnesWhileTheOtherComponentGoesOn()
    {
        var flow = NewId("stopcomp");
        Receiver.Delay(FlowClusterFixture.NodePath(flow, "s0"), TimeSpan.FromSeconds(30));
        Receiver.Delay(FlowClusterFixture.NodePath(flow, "s1"), TimeSpan.FromSeconds(10));
        await Flows.RegisterAsync(Flow(flow,
            [Http("s0", fixture.NodeUrl(flow, "s0")), Http("t0", fixture.NodeUrl(flow, "t0")), Http("s1", fixture.NodeUrl(flow, "s1")), Http("t1", fixture.NodeUrl(flow, "t1"))],
            [Edge("s0", "t0"), Edge("s1", "t1")]));
        var cycle = await Flows.StartCycleNumberAsync(flow);
        await InProgressAsync($"{flow}:{cycle}:s0", $"{flow}:{cycle}:s1");

        var stopped = await JsonAsync(await Flows.StopComponentAsync(flow, cycle, 0), HttpStatusCode.OK);
        await Poll.UntilAsync(() => Task.FromResult(Receiver.CutOff.Any(c => c.RunId == $"{flow}:{cycle}:s0")), cut => cut, CutOffBound,
            "the running node's request to be cut off", fixture.Cluster.Logs);
        var afterStop = await Flows.CycleWhenAsync(flow, cycle, c => State(Component(c, 0)) == "stopped", "component 0 to be stopped");
        var detail = await Flows.FinishedCycleAsync(flow, cycle);

        Assert.True(stopped["success"]!.GetValue<bool>());
        Assert.Equal("running", State(Component(afterStop, 1)));
        Assert.Equal("s0=stopped s1=succeeded t0=stopped t1=succeeded", NodeStates(detail));
        Assert.Equal("stopped", State(detail));
        Assert.Equal("stopped", State(Component(detail, 0)));
        Assert.Equal("succeeded", State(Component(detail, 1)));
        Assert.Single(Receiver.To(FlowClusterFixture.NodePath(flow, "s0")));
        Assert.Empty(Receiver.To(FlowClusterFixture.NodePath(flow, "t0")));
        Assert.Single(Receiver.To(FlowClusterFixture.NodePath(flow, "t1")));
        Assert.DoesNotContain(Receiver.Answers, a => a.RunId == $"{flow}:{cycle}:s0");

        using var again = await Flows.StopComponentAsync(flow, cycle, 0);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await AssertNotFoundProblemAsync(await Flows.StopComponentAsync(flow, cycle, 7));
        await AssertNotFoundProblemAsync(await Flows.StopComponentAsync(flow, cycle + 99, 0));
    }

    [Fact]
    public async Task StoppingAFlowCancelsItsRunningCycleAndStartsNoMoreUntilItIsResumed()
    {
        var flow = NewId("stopflow");
        var slow = FlowClusterFixture.NodePath(flow, "slow");
        Receiver.Delay(slow, TimeSpan.FromSeconds(30));
        var registered = await Flows.RegisterAsync(Flow(flow, [Log("tick"), Http("slow", fixture.NodeUrl(flow, "slow"))], [Edge("tick", "slow")],
            new JsonObject { ["cycle_interval"] = "2s" }));
        try
        {
            var running = await Poll.UntilAsync(() => Task.FromResult(Receiver.InProgress.Values.FirstOrDefault(d => d.Path == "/" + slow)), d => d is not null,
                TimeSpan.FromSeconds(30), "a scheduled cycle's slow node to be running", fixture.Cluster.Logs);
            var cycle = running!.Body!["cycle"]!.GetValue<long>();

            var stop = await JsonAsync(await Flows.StopAsync(flow), HttpStatusCode.OK);
            var stoppedAt = DateTimeOffset.UtcNow;
            await Poll.UntilAsync(() => Task.FromResult(Receiver.CutOff.Any(c => c.RunId == running.RunId)), cut => cut, CutOffBound,
                "the running node's request to be cut off", fixture.Cluster.Logs);
            var detail = await Flows.FinishedCycleAsync(flow, cycle);
            var status = await Flows.StatusAsync(flow);
            var cycles = (await Flows.CyclesAsync(flow))["total"]!.GetValue<int>();
            var deliveries = Receiver.Under(flow + "/").Count;

            Assert.NotNull(registered["next_cycle_at"]);
            Assert.True(stop["success"]!.GetValue<bool>());
            Assert.Equal("stopped", stop["status"]!.GetValue<string>());
            Assert.Equal("stopped", State(detail));
            Assert.Equal("slow=stopped tick=succeeded", NodeStates(detail));
            Assert.Equal("stopped", status["status"]!.GetValue<string>());
            Assert.Null(status["next_cycle_at"]);
            Assert.Null(status["running_cycle"]);
            Assert.Contains(flow, await ListedAsync("stopped", flow));
            Assert.DoesNotContain(flow, await ListedAsync("active", flow));

            // Three cycle intervals: a flow that kept its schedule would have started a cycle.
            await Steady.HoldsForAsync(
                async () => ((await Flows.CyclesAsync(flow))["total"]!.GetValue<int>(), Receiver.Under(flow + "/").Count),
                now => now == (cycles, deliveries),
                TimeSpan.FromSeconds(6) - (DateTimeOffset.UtcNow - stoppedAt),
                "no new cycle and no new delivery after the stop");

            Receiver.Delay(slow, TimeSpan.Zero);
            var resumed = await JsonAsync(await Flows.ResumeAsync(flow), HttpStatusCode.OK);
            var next = await Poll.UntilAsync(
                async () => (await Flows.CyclesAsync(flow))["cycles"]!.AsArray().FirstOrDefault(c => c!["cycle"]!.GetValue<long>() > cycle && State(c.AsObject()) == "succeeded"),
                c => c is not null, TimeSpan.FromSeconds(30), "a cycle after the resume to succeed", fixture.Cluster.Logs);

            Assert.True(resumed["success"]!.GetValue<bool>());
            Assert.Equal("active", resumed["status"]!.GetValue<string>());
            Assert.NotNull(resumed["next_cycle_at"]);
            Assert.Equal("scheduled", next!["trigger"]!.GetValue<string>());
            Assert.Contains(flow, await ListedAsync("active", flow));
        }
        finally
        {
            await Flows.RemoveAsync(flow);
        }
    }

    [Fact]
    public async Task AManualCycleTakesTheNextNumberOrTheOneAskedForAndANumberRunsOnce()
    {
        var flow = NewId("manual");
        await Flows.RegisterAsync(Flow(flow, [Log("a", new JsonObject { ["k"] = 1 })], []));

        var first = await Flows.StartCycleNumberAsync(flow);
        await Flows.FinishedCycleAsync(flow, first);
        var asked = await Flows.StartCycleNumberAsync(flow, 5);
        var askedDetail = await Flows.FinishedCycleAsync(flow, asked);
        var next = await Flows.StartCycleNumberAsync(flow);
        await Flows.FinishedCycleAsync(flow, next);
        var repeated = await Flows.StartCycleAsync(flow, new JsonObject { ["cycle"] = 5 });
        var repeatedProblem = await JsonAsync(repeated, HttpStatusCode.Conflict);
        using var repeatedZero = await Flows.StartCycleAsync(flow, new JsonObject { ["cycle"] = 0 });
        var list = await Flows.CyclesAsync(flow);

        Assert.Equal(0, first);
        Assert.Equal(5, asked);
        Assert.Equal(6, next);
        Assert.Equal("succeeded", State(askedDetail));
        Assert.Equal("manual", askedDetail["trigger"]!.GetValue<string>());
        Assert.Equal($"{flow}:5:a", Node(askedDetail, "a")["run_id"]!.GetValue<string>());
        Assert.False(repeatedProblem["success"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Conflict, repeatedZero.StatusCode);
        Assert.Equal(3, list["total"]!.GetValue<int>());
        Assert.Equal([6L, 5L, 0L], list["cycles"]!.AsArray().Select(c => c!["cycle"]!.GetValue<long>()));
        var page = await JsonAsync(await Flows.Http.GetAsync(new Uri($"/api/v1/flows/{flow}/cycles?offset=1&limit=1", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(3, page["total"]!.GetValue<int>());
        Assert.Equal([5L], page["cycles"]!.AsArray().Select(c => c!["cycle"]!.GetValue<long>()));
    }

    [Fact]
    public async Task StoppingAFlowWhileANodeWaitsToBeRetriedCancelsTheRetry()
    {
        var flow = NewId("stop-retry");
        var path = FlowClusterFixture.NodePath(flow, "flaky");
        Receiver.Respond(path, 500, 500, 500);
        var node = Http("flaky", fixture.NodeUrl(flow, "flaky"), maxRetries: 3);
        node["config"]!["retry_backoff_seconds"] = 4;
        await Flows.RegisterAsync(Flow(flow, [node], []));
        var cycle = await Flows.StartCycleNumberAsync(flow);
        await Poll.UntilAsync(() => Task.FromResult(Receiver.Answers.Count(a => a.Path == "/" + path)), n => n == 1, CycleDeadline,
            "the first attempt to be answered 500", fixture.Cluster.Logs);

        await JsonAsync(await Flows.StopAsync(flow), HttpStatusCode.OK);
        var detail = await Flows.FinishedCycleAsync(flow, cycle, TimeSpan.FromSeconds(10));

        Assert.Equal("stopped", State(detail));
        Assert.Equal("flaky=stopped", NodeStates(detail));
        await Steady.HoldsForAsync(() => Task.FromResult(Receiver.To(path).Count), n => n == 1, TimeSpan.FromSeconds(8),
            "no retry after the stop");
    }

    [Fact]
    public async Task ADeletedFlowCreatedAgainStartsAfresh()
    {
        var flow = NewId("recreated");
        await Flows.RegisterAsync(Flow(flow, [Log("old")], []));
        await Flows.FinishedCycleAsync(flow, await Flows.StartCycleNumberAsync(flow, 3));
        await JsonAsync(await Flows.DeleteAsync(flow), HttpStatusCode.OK);

        var created = await Flows.RegisterAsync(Flow(flow, [Log("new")], []));
        var cycle = await Flows.StartCycleNumberAsync(flow);
        var detail = await Flows.FinishedCycleAsync(flow, cycle);
        var cycles = await Flows.CyclesAsync(flow);

        Assert.True(created["created"]!.GetValue<bool>());
        Assert.Equal(0, cycle);
        Assert.Equal("new=succeeded", NodeStates(detail));
        Assert.Equal(1, cycles["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task ParallelStartsOfACycleStartExactlyOne()
    {
        var flow = NewId("parallel-start");
        Receiver.Delay(FlowClusterFixture.NodePath(flow, "slow"), TimeSpan.FromSeconds(2));
        await Flows.RegisterAsync(Flow(flow, [Http("slow", fixture.NodeUrl(flow, "slow"))], []));

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Flows.StartCycleAsync(flow, i % 2 == 0 ? null : new JsonObject { ["cycle"] = 7 })));
        var accepted = responses.Where(r => r.StatusCode == HttpStatusCode.Accepted).ToList();
        var cycle = (await JsonAsync(Assert.Single(accepted), HttpStatusCode.Accepted))["cycle"]!.GetValue<long>();
        await Flows.FinishedCycleAsync(flow, cycle);

        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, (await Flows.CyclesAsync(flow))["total"]!.GetValue<int>());
        Assert.Single(Receiver.To(FlowClusterFixture.NodePath(flow, "slow")));
    }

    [Fact]
    public async Task ManualStartsRacingAScheduleNeverGiveTwoCyclesOneNumber()
    {
        var flow = NewId("race");
        Receiver.Delay(FlowClusterFixture.NodePath(flow, "a"), TimeSpan.FromMilliseconds(200));
        await Flows.RegisterAsync(Flow(flow, [Http("a", fixture.NodeUrl(flow, "a"))], [], new JsonObject { ["cycle_interval"] = "1s" }));
        var manual = new List<long>();
        try
        {
            // Starts at random moments, sparse enough that scheduled slots still find the flow idle.
            var until = DateTimeOffset.UtcNow.AddSeconds(8);
            while (DateTimeOffset.UtcNow < until)
            {
                using var response = await Flows.StartCycleAsync(flow);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    manual.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cycle"]!.GetValue<long>());
                }
                else
                {
                    Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
                }

                await Task.Delay(Random.Shared.Next(300, 900));
            }

            await JsonAsync(await Flows.StopAsync(flow), HttpStatusCode.OK);
            var cycles = (await Flows.CyclesAsync(flow, limit: 200))["cycles"]!.AsArray().Select(c => c!.AsObject()).ToList();
            var numbers = cycles.Select(c => c["cycle"]!.GetValue<long>()).ToList();
            var runIds = Receiver.Under(flow + "/").Select(d => d.RunId).ToList();

            Assert.NotEmpty(manual);
            Assert.Contains(cycles, c => c["trigger"]!.GetValue<string>() == "scheduled");
            Assert.Equal(numbers.Count, numbers.Distinct().Count());
            Assert.Equal(runIds.Count, runIds.Distinct().Count());
            Assert.All(manual, n => Assert.Equal("manual", cycles.Single(c => c["cycle"]!.GetValue<long>() == n)["trigger"]!.GetValue<string>()));
            Assert.Equal(numbers.Order(), Enumerable.Range(0, numbers.Count).Select(n => (long)n));
        }
        finally
        {
            await Flows.RemoveAsync(flow);
        }
    }

    [Fact]
    public async Task AnIdleFlowCanBeStoppedAndResumed()
    {
        var flow = NewId("idle");
        await Flows.RegisterAsync(Flow(flow, [Log("a")], [], new JsonObject { ["cycle_interval"] = "1h" }));
        try
        {
            var stopped = await JsonAsync(await Flows.StopAsync(flow), HttpStatusCode.OK);
            var whileStopped = await Flows.StatusAsync(flow);
            var resumed = await JsonAsync(await Flows.ResumeAsync(flow), HttpStatusCode.OK);
            var status = await Flows.StatusAsync(flow);

            Assert.Equal("stopped", stopped["status"]!.GetValue<string>());
            Assert.Equal("stopped", whileStopped["status"]!.GetValue<string>());
            Assert.Null(whileStopped["next_cycle_at"]);
            Assert.Equal("active", resumed["status"]!.GetValue<string>());
            Assert.Equal("active", status["status"]!.GetValue<string>());
            var next = Time(status, "next_cycle_at");
            Assert.InRange(next, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(1).AddMinutes(1));
        }
        finally
        {
            await Flows.RemoveAsync(flow);
        }
    }

    [Fact]
    public async Task AManualCycleIsRefusedWhileAnotherCycleRuns()
    {
        var flow = NewId("busy");
        Receiver.Delay(FlowClusterFixture.NodePath(flow, "slow"), TimeSpan.FromSeconds(4));
        await Flows.RegisterAsync(Flow(flow, [Http("slow", fixture.NodeUrl(flow, "slow"))], []));
        var first = await Flows.StartCycleNumberAsync(flow);
        await InProgressAsync($"{flow}:{first}:slow");

        using var during = await Flows.StartCycleAsync(flow);
        var status = await Flows.StatusAsync(flow);
        await Flows.FinishedCycleAsync(flow, first);
        var after = await Flows.StartCycleNumberAsync(flow);

        Assert.Equal(HttpStatusCode.Conflict, during.StatusCode);
        Assert.Equal(first, status["running_cycle"]!.GetValue<long>());
        Assert.Equal(first + 1, after);
    }

    [Fact]
    public async Task AnUnknownFlowIsNotFoundAndADeletedFlowIsGone()
    {
        var unknown = NewId("nobody");
        var flow = NewId("deleted");
        await Flows.RegisterAsync(Flow(flow, [Log("a")], []));

        await AssertNotFoundProblemAsync(await Flows.StartCycleAsync(unknown));
        await AssertNotFoundProblemAsync(await Flows.StopAsync(unknown));
        await AssertNotFoundProblemAsync(await Flows.ResumeAsync(unknown));
        await AssertNotFoundProblemAsync(await Flows.Http.GetAsync(new Uri($"/api/v1/flows/{unknown}/status", UriKind.Relative)));
        await AssertNotFoundProblemAsync(await Flows.DeleteAsync(unknown));
        var deleted = await JsonAsync(await Flows.DeleteAsync(flow), HttpStatusCode.OK);
        await AssertNotFoundProblemAsync(await Flows.Http.GetAsync(new Uri($"/api/v1/flows/{flow}/status", UriKind.Relative)));
        await AssertNotFoundProblemAsync(await Flows.StartCycleAsync(flow));

        Assert.True(deleted["success"]!.GetValue<bool>());
    }

    private Task<bool> InProgressAsync(params string[] runIds) => Poll.UntilAsync(
        () => Task.FromResult(runIds.All(Receiver.InProgress.ContainsKey)), all => all, FlowsApi.CycleDeadline,
        $"{string.Join(", ", runIds)} to be running at the receiver", fixture.Cluster.Logs);

    private async Task<string[]> ListedAsync(string status, string text)
    {
        var page = await JsonAsync(await Flows.Http.GetAsync(new Uri($"/api/v1/flows?status={status}&q={Uri.EscapeDataString(text)}", UriKind.Relative)), HttpStatusCode.OK);
        return [.. page["flows"]!.AsArray().Select(f => f!["flow_id"]!.GetValue<string>())];
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Actors.IntegrationTests.Support;
using static Actors.IntegrationTests.Flows.FlowJson;
using static Actors.IntegrationTests.Flows.FlowsApi;

namespace Actors.IntegrationTests.Flows;

/// <summary>Cycles on a schedule, through the flow's trigger task.</summary>
[Collection(FlowCollection.Name)]
public sealed class FlowScheduleTests(FlowClusterFixture fixture)
{
    private FlowsApi Flows => fixture.Flows;

    [Fact]
    public async Task ScheduledCyclesCountUpFromZero()
    {
        var flow = NewId("scheduled");
        var registered = await Flows.RegisterAsync(Flow(flow, [Log("a", new JsonObject { ["k"] = 1 }), Log("b")], [Edge("a", "b", "k", "k")],
            new JsonObject { ["cycle_interval"] = "1s" }));
        try
        {
            var cycles = await Poll.UntilAsync(
                async () => (await Flows.CyclesAsync(flow))["cycles"]!.AsArray().Select(c => c!.AsObject()).ToList(),
                list => list.Count(c => State(c) == "succeeded") >= 3,
                TimeSpan.FromSeconds(30), "three scheduled cycles to succeed", fixture.Cluster.Logs);
            var status = await Flows.StatusAsync(flow);
            var trigger = await fixture.Cluster.GetTaskAsync(status["trigger_task_id"]!.GetValue<string>());

            Assert.NotNull(registered["next_cycle_at"]);
            var oldest = cycles.OrderBy(c => c["cycle"]!.GetValue<long>()).Take(3).ToList();
            Assert.Equal([0L, 1L, 2L], oldest.Select(c => c["cycle"]!.GetValue<long>()));
            Assert.All(oldest, c => Assert.Equal("scheduled", c["trigger"]!.GetValue<string>()));
            Assert.All(oldest.Where(c => State(c) != "running"), c => Assert.Equal("succeeded", State(c)));
            Assert.NotNull(status["schedule"]);
            Assert.NotNull(status["next_cycle_at"]);
            Assert.Equal($"flow.{flow}", trigger["account_id"]!.GetValue<string>());
            Assert.Equal("flow", trigger["task_type"]!.GetValue<string>());
            Assert.Equal("flow", trigger["executor"]!.GetValue<string>());
        }
        finally
        {
            await Flows.RemoveAsync(flow);
        }
    }

    [Fact]
    public async Task ADeletedScheduledFlowStartsNoMoreCycles()
    {
        var flow = NewId("deleted-scheduled");
        await Flows.RegisterAsync(Flow(flow, [Http("a", fixture.NodeUrl(flow, "a"))], [], new JsonObject { ["cycle_interval"] = "1s" }));
        await Poll.UntilAsync(() => Task.FromResult(fixture.Receiver.Under(flow + "/").Count), n => n >= 1, TimeSpan.FromSeconds(30),
            "a scheduled cycle to call the receiver", fixture.Cluster.Logs);

        await JsonAsync(await Flows.DeleteAsync(flow), HttpStatusCode.OK);
        var deletedAt = DateTimeOffset.UtcNow;

        // A second's grace for a call already on its way when the delete answered.
        await Steady.HoldsForAsync(
            () => Task.FromResult(string.Join(", ", fixture.Receiver.Under(flow + "/").Where(d => d.ArrivedAt > deletedAt.AddSeconds(1)).Select(d => d.RunId))),
            late => late.Length == 0, TimeSpan.FromSeconds(5), "no call after the delete");
    }

    [Fact]
    public async Task ASlotThatFindsTheLastCycleStillRunningIsASkippedRunOfTheTriggerTask()
    {
        var flow = NewId("overlap");
        fixture.Receiver.Delay(FlowClusterFixture.NodePath(flow, "slow"), TimeSpan.FromSeconds(4));
        await Flows.RegisterAsync(Flow(flow, [Http("slow", fixture.NodeUrl(flow, "slow"))], [], new JsonObject { ["cycle_interval"] = "1s" }));
        try
        {
            var trigger = (await Flows.StatusAsync(flow))["trigger_task_id"]!.GetValue<string>();
            var runs = await Poll.UntilAsync(
                () => fixture.Cluster.RunsAsync(trigger),
                r => r.Any(x => x!["outcome"]!.GetValue<string>() == "skipped") && r.Any(x => x!["outcome"]!.GetValue<string>() == "succeeded"),
                TimeSpan.FromSeconds(40), "a skipped slot and a finished cycle in the trigger task's runs", fixture.Cluster.Logs);
            await JsonAsync(await Flows.StopAsync(flow), HttpStatusCode.OK);
            var cycles = (await Flows.CyclesAsync(flow))["cycles"]!.AsArray().Select(c => c!.AsObject()).ToList();

            Assert.All(cycles, c => Assert.Equal("scheduled", c["trigger"]!.GetValue<string>()));
            Assert.NotEmpty(cycles);
            Assert.Contains(runs, r => r!["outcome"]!.GetValue<string>() == "skipped");
        }
        finally
        {
            await Flows.RemoveAsync(flow);
        }
    }

    [Fact]
    public async Task AManualCycleNumberOnAScheduledFlowIsFollowedByTheNextNumber()
    {
        var flow = NewId("manual-on-schedule");
        await Flows.RegisterAsync(Flow(flow, [Log("a")], [], new JsonObject { ["cycle_interval"] = "1s" }));
        try
        {
            await Flows.CycleWhenAsync(flow, 0, c => State(c) == "succeeded", "the first scheduled cycle to succeed", TimeSpan.FromSeconds(30));

            // A scheduled cycle may be running at the moment: 409 then, and the next try finds it ended.
            await Poll.UntilAsync(async () => (await Flows.StartCycleAsync(flow, new JsonObject { ["cycle"] = 50 })).StatusCode,
                status => status == HttpStatusCode.Accepted, TimeSpan.FromSeconds(20), "manual cycle 50 to be accepted", fixture.Cluster.Logs);
            var manual = await Flows.CycleWhenAsync(flow, 50, c => State(c) == "succeeded", "manual cycle 50 to succeed");
            var after = await Poll.UntilAsync(
                async () => (await Flows.CyclesAsync(flow))["cycles"]!.AsArray().Select(c => c!.AsObject())
                    .Where(c => c["trigger"]!.GetValue<string>() == "scheduled" && Time(c, "started_at") > Time(manual, "started_at")).ToList(),
                later => later.Count > 0, TimeSpan.FromSeconds(20), "a scheduled cycle after the manual one", fixture.Cluster.Logs);

            Assert.Equal("manual", manual["trigger"]!.GetValue<string>());
            Assert.Equal(51, after.Min(c => c["cycle"]!.GetValue<long>()));
        }
        finally
        {
            await Flows.RemoveAsync(flow);
        }
    }

    [Fact]
    public async Task TheTriggerTaskAppearsInTheTaskListUnderTheFlowsAccount()
    {
        var flow = NewId("listed-trigger");
        await Flows.RegisterAsync(Flow(flow, [Log("a")], [], new JsonObject { ["cycle_interval"] = "1h" }));
        try
        {
            var trigger = (await Flows.StatusAsync(flow))["trigger_task_id"]!.GetValue<string>();
            var list = await JsonAsync(await fixture.Cluster.Http.GetAsync(new Uri($"/api/v1/tasks/?account_id=flow.{flow}", UriKind.Relative)), HttpStatusCode.OK);

            Assert.Contains(trigger, list.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            await Flows.RemoveAsync(flow);
        }
    }

    [Fact]
    public async Task ReplacingTheScheduleTakesEffectAtOnce()
    {
        var flow = NewId("reschedule");
        var hourly = await Flows.RegisterAsync(Flow(flow, [Http("a", fixture.NodeUrl(flow, "a"))], [], new JsonObject { ["cycle_interval"] = "1h" }));
        try
        {
            var everySecond = await Flows.RegisterAsync(Flow(flow, [Http("a", fixture.NodeUrl(flow, "a"))], [], new JsonObject { ["cycle_interval"] = "1s" }), HttpStatusCode.OK);
            await Poll.UntilAsync(() => Task.FromResult(fixture.Receiver.Under(flow + "/").Count), n => n >= 2, TimeSpan.FromSeconds(20),
                "cycles every second after the new schedule", fixture.Cluster.Logs);

            Assert.True(Time(hourly, "next_cycle_at") > DateTimeOffset.UtcNow.AddMinutes(50), hourly.ToJsonString());
            Assert.True(Time(everySecond, "next_cycle_at") < DateTimeOffset.UtcNow.AddMinutes(1), everySecond.ToJsonString());

            var manualOnly = await Flows.RegisterAsync(Flow(flow, [Http("a", fixture.NodeUrl(flow, "a"))], []), HttpStatusCode.OK);
            await Poll.UntilAsync(async () => (await Flows.StatusAsync(flow))["running_cycle"], running => running is null, TimeSpan.FromSeconds(10),
                "the last scheduled cycle to end", fixture.Cluster.Logs);
            var cycles = (await Flows.CyclesAsync(flow))["total"]!.GetValue<int>();
            var status = await Flows.StatusAsync(flow);

            Assert.Null(manualOnly["next_cycle_at"]);
            Assert.Null(status["schedule"]);
            Assert.Null(status["next_cycle_at"]);
            await Steady.HoldsForAsync(async () => (await Flows.CyclesAsync(flow))["total"]!.GetValue<int>(), n => n == cycles, TimeSpan.FromSeconds(4),
                "no scheduled cycle once the schedule is removed");
        }
        finally
        {
            await Flows.RemoveAsync(flow);
        }
    }
}

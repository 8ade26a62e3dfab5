using Actors.Grains;
using Actors.Grains.Agents;
using Actors.Grains.Execution;
using Actors.Grains.Flows;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.UnitTests.Flows;

public sealed class FlowDefinitionBuilderTests
{
    private static readonly FlowDefinitionBuilder Builder = new(new ExecutorRegistry(
    [
        new LogExecutor(NullLogger<LogExecutor>.Instance), new HttpExecutor(new NoHttpClients()),
        new AgentExecutor(null!, TimeProvider.System), new FlowExecutor(null!),
    ]));

    [Fact]
    public void TheSeedsOwnExampleGetsEveryProblemAtOnce()
    {
        // seed 003: two agent node types without a command, an empty node at index 2, an edge to a node that does not exist
        var request = Request(
            [Node(0, "binance_price", "binance_price_node", """{"symbol": "BTCUSDT"}"""), Node(1, "ai_model_node", "ai_model_node", """{"window": 5}"""), new FlowNodeRequest { Index = 2, Empty = true }],
            [new FlowEdgeRequest { Index = 0, Source = "binance_price", Target = "data_processor" }]);

        Assert.False(Builder.TryBuild(request, out _, out _, out var errors));

        Assert.Equal(
            ["flow_json.nodes[0].config.command", "flow_json.nodes[1].config.command", "flow_json.nodes[2]", "flow_json.edges[0].target"],
            errors.Select(e => e.Field));
        Assert.Contains("Node 2 is an empty object", errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("\"data_processor\"", errors[3].Message, StringComparison.Ordinal);
        Assert.Contains("binance_price_node", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateIdsCyclesBadIntervalsAndUnrunnableTypesAreAllReported()
    {
        var request = Request(
            [Node(0, "a", "log"), Node(1, "b", "log"), Node(2, "a", "log"), Node(3, "c", "flow"), Node(4, "d", "http", """{"url": "ftp://x"}"""), Node(5, "e", "log", trigger: "sometimes")],
            [Edge(0, "a", "b"), Edge(1, "b", "a")]) with { CycleInterval = "abc", HasSchedule = true };

        Assert.False(Builder.TryBuild(request, out _, out _, out var errors));

        var fields = errors.Select(e => e.Field).ToList();
        Assert.Contains("cycle_interval", fields);
        Assert.Contains("flow_json.nodes[2].id", fields);
        Assert.Contains("flow_json.nodes[3].type", fields);
        Assert.Contains("flow_json.nodes[4].config.url", fields);
        Assert.Contains("flow_json.nodes[5].trigger", fields);
        Assert.Contains(errors, e => e.Field == "flow_json.edges" && e.Message.Contains("a → b → a", StringComparison.Ordinal));
    }

    [Fact]
    public void AValidFlowGetsComponentsNodeSpecsAndATriggerTaskOnItsSchedule()
    {
        var request = Request(
            [Node(0, "fetch", "http", """{"url": "http://127.0.0.1:9/f", "max_retries": 2, "timeout_seconds": 10}"""), Node(1, "store", "log"), Node(2, "alone", "agent_job", """{"command": "./job.sh", "labels": ["linux"]}""")],
            [new FlowEdgeRequest { Index = 0, Source = "fetch", SourceHandle = "rows", Target = "store", TargetHandle = "in" }]) with { CycleInterval = "1m", HasSchedule = true };

        Assert.True(Builder.TryBuild(request, out var definition, out var trigger, out var errors), string.Join("; ", errors));

        Assert.Equal([0, 0, 1], definition.Nodes.Select(n => n.Component));
        Assert.Equal(2, definition.ComponentCount);
        Assert.Equal("http", definition.Nodes[0].Spec.Execution.Executor);
        Assert.Equal(2, definition.Nodes[0].Spec.Execution.MaxRetries);
        Assert.Equal(0, definition.Nodes[1].Spec.Execution.MaxRetries); // nodes do not retry unless asked
        Assert.Equal("agent", definition.Nodes[2].Spec.Execution.Executor);
        Assert.Equal(["sh", "-c", "./job.sh"], definition.Nodes[2].Spec.Execution.Agent!.Command);
        Assert.Equal(60, trigger!.Interval);
        Assert.Equal("flow", trigger.Executor);
        Assert.Equal("flow.f1", trigger.AccountId);
    }

    [Fact]
    public void CycleIntervalAndAnotherScheduleModeDoNotMix()
    {
        var request = Request([Node(0, "a", "log")], []) with
        {
            CycleInterval = "1m", HasSchedule = true, Schedule = new CreateTaskRequest { ScheduleMode = "cron", Cron = "* * * * *" },
        };

        Assert.False(Builder.TryBuild(request, out _, out _, out var errors));
        Assert.Contains(errors, e => e.Field == "cycle_interval" && e.Message.Contains("schedule_mode", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutAScheduleThereIsNoTriggerTask()
    {
        Assert.True(Builder.TryBuild(Request([Node(0, "a", "log")], []), out _, out var trigger, out _));
        Assert.Null(trigger);
    }

    private static FlowExecuteRequest Request(FlowNodeRequest[] nodes, FlowEdgeRequest[] edges) => new() { FlowId = "f1", Nodes = nodes, Edges = edges };

    private static FlowNodeRequest Node(int index, string id, string type, string config = "{}", string? trigger = null) =>
        new() { Index = index, Id = id, Type = type, ConfigJson = config, Trigger = trigger };

    private static FlowEdgeRequest Edge(int index, string source, string target) => new() { Index = index, Source = source, Target = target };

    private sealed class NoHttpClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("no HTTP in unit tests");
    }
}

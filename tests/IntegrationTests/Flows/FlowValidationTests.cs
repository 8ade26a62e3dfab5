using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using static Actors.IntegrationTests.Flows.FlowJson;
using static Actors.IntegrationTests.Flows.FlowsApi;

namespace Actors.IntegrationTests.Flows;

/// <summary>A flow definition is checked as a whole: every problem at once, under the name of the field the client sent.</summary>
[Collection(FlowCollection.Name)]
public sealed class FlowValidationTests(FlowClusterFixture fixture)
{
    /// <summary>The seed's own example (seed 003, "执行 Flow"), as sent: an empty node and an edge to a node that is not there.</summary>
    private const string SeedExample = """
        {
          "flow_id": "example_flow",
          "cycle_interval": "1m",
          "flow_json": {
            "nodes": [
              {
                "id": "binance_price",
                "type": "binance_price_node",
                "config": {
                  "node_class_type": "binance_price_node",
                  "symbol": "BTCUSDT",
                  "interval": "1h",
                  "limit": 10
                }
              },
              {
                "id": "ai_model_node",
                "type": "ai_model_node",
                "config": {
                  "node_class_type": "ai_model_node",
                  "operation": "rolling_avg",
                  "window": 5
                }
              },
              {


              }
            ],
            "edges": [
              {
                "source": "binance_price",
                "target": "data_processor"
              }
            ]
          }
        }
        """;

    private FlowsApi Flows => fixture.Flows;

    [Fact]
    public async Task TheSeedsOwnExampleIsRefusedWithEveryProblemAtOnce()
    {
        using var response = await Flows.Http.PostAsync(new Uri("/api/v1/flows/execute", UriKind.Relative), new StringContent(SeedExample, Encoding.UTF8, "application/json"));
        var contentType = response.Content.Headers.ContentType?.MediaType;
        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();

        Assert.Equal("application/problem+json", contentType);
        Assert.False(problem["success"]!.GetValue<bool>());
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.Equal(
            ["flow_json.edges[0].target", "flow_json.nodes[0].config.command", "flow_json.nodes[1].config.command", "flow_json.nodes[2]"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("empty", Message(errors, "flow_json.nodes[2]"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("data_processor", Message(errors, "flow_json.edges[0].target"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem["error"]?.GetValue<string>()));
        await AssertNotFoundProblemAsync(await Flows.Http.GetAsync(new Uri("/api/v1/flows/example_flow/status", UriKind.Relative)));
    }

    [Fact]
    public async Task AGraphCycleIsRefusedNamingTheCycle()
    {
        var flow = NewId("loop");

        var problem = await JsonAsync(await Flows.ExecuteAsync(Flow(flow, [Log("a"), Log("b"), Log("c")], [Edge("a", "b"), Edge("b", "a"), Edge("b", "c")])), HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();

        Assert.Equal(["flow_json.edges"], errors.Select(e => e.Key));
        var message = Message(errors, "flow_json.edges");
        Assert.True(message.Contains("a → b → a", StringComparison.Ordinal) || message.Contains("b → a → b", StringComparison.Ordinal), message);
    }

    [Fact]
    public async Task ADuplicateNodeIdIsRefused()
    {
        var flow = NewId("dup");

        var problem = await JsonAsync(await Flows.ExecuteAsync(Flow(flow, [Log("a"), Log("a"), Log("b")], [Edge("a", "b")])), HttpStatusCode.BadRequest);

        Assert.Equal(["flow_json.nodes[1].id"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("a", Message(problem["errors"]!.AsObject(), "flow_json.nodes[1].id"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0s")]
    [InlineData("-5")]
    [InlineData("1x")]
    public async Task ABadCycleIntervalIsRefused(string interval)
    {
        var flow = NewId("interval");

        var problem = await JsonAsync(await Flows.ExecuteAsync(Flow(flow, [Log("a")], [], new JsonObject { ["cycle_interval"] = IntervalJson(interval) })), HttpStatusCode.BadRequest);

        Assert.Equal(["cycle_interval"], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Theory]
    [InlineData("30s")]
    [InlineData("1m")]
    [InlineData("2h")]
    [InlineData("1h30m")]
    [InlineData("1d")]
    [InlineData("90")]
    public async Task EveryCycleIntervalFormOfTheContractIsAccepted(string interval)
    {
        var flow = NewId("interval");
        try
        {
            var registered = await Flows.RegisterAsync(Flow(flow, [Log("a")], [], new JsonObject { ["cycle_interval"] = IntervalJson(interval) }));

            Assert.NotNull(registered["next_cycle_at"]);
        }
        finally
        {
            await Flows.RemoveAsync(flow);
        }
    }

    [Fact]
    public async Task EveryFieldProblemIsNamedAtOnce()
    {
        var body = Flow("bad id!", [
            new JsonObject { ["id"] = "h", ["type"] = "http", ["config"] = new JsonObject { ["method"] = "POST" } },
            new JsonObject { ["id"] = "t", ["config"] = new JsonObject() },
            Log("ok"),
        ], [Edge("ok", "nowhere"), Edge("elsewhere", "ok")], new JsonObject { ["cycle_interval"] = "abc" });

        var problem = await JsonAsync(await Flows.ExecuteAsync(body), HttpStatusCode.BadRequest);

        Assert.Equal(
            ["cycle_interval", "flow_id", "flow_json.edges[0].target", "flow_json.edges[1].source", "flow_json.nodes[0].config.url", "flow_json.nodes[1].type"],
            problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"flow_id": "{id}", "flow_json": {"nodes": [{"id": "a", "type": "log"}], "edges": [{"source": "a", "target": "a"}]}}""", "flow_json.edges")]
    [InlineData("""{"flow_id": "{id}"}""", "flow_json")]
    [InlineData("""{"flow_id": "{id}", "flow_json": {"nodes": [], "edges": []}}""", "flow_json.nodes")]
    [InlineData("""{"flow_json": {"nodes": [{"id": "a", "type": "log"}], "edges": []}}""", "flow_id")]
    [InlineData("""{"flow_id": "{id}", "flow_json": {"nodes": [{"id": "a", "type": "log"}], "edges": [{"target": "a"}]}}""", "flow_json.edges[0].source")]
    [InlineData("""{"flow_id": "{id}", "flow_json": {"nodes": [{"type": "log"}], "edges": []}}""", "flow_json.nodes[0].id")]
    [InlineData("""{"flow_id": "{id}", "flow_json": {"nodes": [{"id": "a", "type": "log", "trigger": "sometimes"}], "edges": []}}""", "flow_json.nodes[0].trigger")]
    [InlineData("""{"flow_id": "{id}", "flow_json": {"nodes": [{"id": "a", "type": "http", "config": {"url": "not a url"}}], "edges": []}}""", "flow_json.nodes[0].config.url")]
    public async Task AMalformedDefinitionIsRefusedNamingTheField(string json, string field)
    {
        var flow = NewId("malformed");

        using var response = await Flows.Http.PostAsync(new Uri("/api/v1/flows/execute", UriKind.Relative),
            new StringContent(json.Replace("{id}", flow, StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);

        // A missing object may be named by itself or by what it lacks (flow_json or flow_json.nodes).
        var named = Assert.Single(problem["errors"]!.AsObject()).Key;
        Assert.True(named == field || named.StartsWith(field + ".", StringComparison.Ordinal), $"expected {field}, got {named}");
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIsRefused()
    {
        using var response = await Flows.Http.PostAsync(new Uri("/api/v1/flows/execute", UriKind.Relative), new StringContent("{\"flow_id\": ", Encoding.UTF8, "application/json"));
        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);

        Assert.False(problem["success"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AFlowIdLongerThanAHundredCharactersIsRefused()
    {
        var problem = await JsonAsync(await Flows.ExecuteAsync(Flow(new string('f', 101), [Log("a")], [])), HttpStatusCode.BadRequest);

        Assert.Equal(["flow_id"], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    /// <summary>A whole number of seconds goes as a JSON number, anything else as a string.</summary>
    private static JsonValue IntervalJson(string interval) => int.TryParse(interval, out var seconds) ? JsonValue.Create(seconds) : JsonValue.Create(interval);

    private static string Message(JsonObject errors, string field) =>
        string.Join(" ", errors[field]!.AsArray().Select(m => m!.GetValue<string>()));
}

using System.Net;
using System.Text.Json.Nodes;

namespace Actors.IntegrationTests.Api;

/// <summary>The OpenAPI document is true: every answer the API gives is listed there, with a schema its body matches.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiConformanceTests(ApiFactory factory)
{
    private static readonly string[] ProblemFields = ["success", "error", "errors", "existing_task_id"];
    private static readonly string[] CreateAnswers = ["200", "400", "401", "409", "413", "429", "500", "503"];
    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task TheDocumentDescribesTasksWithTheirFields()
    {
        var contract = await ApiContract.LoadAsync(_http);

        var task = contract.ResponseSchema("GET", "/api/v1/tasks/{taskId}", 200, "application/json");

        var definitions = task["$defs"]!;
        var properties = definitions["TaskView"]!["properties"]!.AsObject();
        foreach (var name in new[] { "task_id", "status", "priority", "overlap", "kwargs", "next_execution_time", "last_run", "agent" })
        {
            Assert.True(properties.ContainsKey(name), name);
        }

        Assert.Equal("#/$defs/ScheduledTaskStatus", properties["status"]!["$ref"]!.GetValue<string>());
        Assert.Equal(["pending", "running", "paused", "completed", "error"], Enum(definitions["ScheduledTaskStatus"]!));
        Assert.Equal(["skip", "queue_one"], Enum(definitions["OverlapPolicy"]!));
        Assert.Equal(["succeeded", "failed", "timed_out", "skipped", "abandoned"], Enum(definitions["RunOutcome"]!).Skip(1));
        Assert.Equal("#/components/schemas/CreateTaskBody", contract.Document["paths"]!["/api/v1/tasks"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheDocumentsExamplesMatchTheirSchemasAndTheApiTakesThem()
    {
        var contract = await ApiContract.LoadAsync(_http);

        foreach (var (path, schemaName, answer) in new[] { ("/api/v1/tasks", "CreateTaskBody", HttpStatusCode.OK), ("/api/v1/flows/execute", "FlowExecuteBody", HttpStatusCode.Created) })
        {
            var example = contract.Document["components"]!["schemas"]![schemaName]!["examples"]![0]!.AsObject();
            ApiContract.AssertValid(contract.RequestSchema("POST", path), example.ToJsonString(), $"the example of {schemaName}");

            // Sent as it stands (on an account and flow id of its own), the API takes it.
            var sent = (JsonObject)example.DeepClone();
            sent[sent.ContainsKey("flow_id") ? "flow_id" : "xhs_account_id"] = "example-" + Guid.NewGuid().ToString("N")[..8];
            await Answers(contract, answer, _http.PostJsonAsync(path, sent));
            if (sent["flow_id"] is { } flowId)
            {
                await Answers(contract, HttpStatusCode.OK, _http.DeleteAsync(Uri($"/api/v1/flows/{flowId}")));
            }
        }

        var problem = contract.Document["components"]!["schemas"]!["ProblemDetails"]!["properties"]!.AsObject();
        Assert.All(ProblemFields, name => Assert.True(problem.ContainsKey(name), name));
        var create = contract.Document["paths"]!["/api/v1/tasks"]!["post"]!["responses"]!.AsObject();
        Assert.All(CreateAnswers, status => Assert.True(create.ContainsKey(status), status));
        Assert.False(contract.Document["paths"]!["/health"]!["get"]!["responses"]!.AsObject().ContainsKey("401"), "health needs no key");
    }

    [Fact]
    public async Task EveryTaskAnswerMatchesTheDocument()
    {
        var contract = await ApiContract.LoadAsync(_http);
        var account = "oa-" + Guid.NewGuid().ToString("N")[..10];
        var created = await contract.AssertConformsAsync(await _http.PostJsonAsync("/api/v1/tasks", ApiClient.SeedTask(account)));
        var id = created!["task_id"]!.GetValue<string>();
        var tasks = $"/api/v1/tasks/{id}";

        await Answers(contract, HttpStatusCode.BadRequest, _http.PostJsonAsync("/api/v1/tasks", """{"interval": "often", "priority": 3}"""));
        await Answers(contract, HttpStatusCode.BadRequest, _http.PostJsonAsync("/api/v1/tasks", "{not json"));
        await Answers(contract, HttpStatusCode.Conflict, _http.PostJsonAsync("/api/v1/tasks", ApiClient.SeedTask(account)));
        await Answers(contract, HttpStatusCode.OK, _http.GetAsync(Uri("/api/v1/tasks?limit=5")));
        await Answers(contract, HttpStatusCode.BadRequest, _http.GetAsync(Uri("/api/v1/tasks?status=sleeping")));
        await Answers(contract, HttpStatusCode.OK, _http.GetAsync(Uri(tasks)));
        await Answers(contract, HttpStatusCode.NotFound, _http.GetAsync(Uri($"/api/v1/tasks/{Guid.NewGuid()}")));
        await Answers(contract, HttpStatusCode.OK, _http.GetAsync(Uri(tasks + "/runs")));
        await Answers(contract, HttpStatusCode.BadRequest, _http.GetAsync(Uri(tasks + "/runs?limit=0")));
        await Answers(contract, HttpStatusCode.OK, _http.PostEmptyAsync(tasks + "/pause"));
        await Answers(contract, HttpStatusCode.OK, _http.PostEmptyAsync(tasks + "/resume"));
        await Answers(contract, HttpStatusCode.OK, _http.PostJsonAsync(tasks + "/reorder", """{"priority_offset": -60}"""));
        await Answers(contract, HttpStatusCode.BadRequest, _http.PostJsonAsync(tasks + "/reorder", "{}"));
        await Answers(contract, HttpStatusCode.NotFound, _http.PostJsonAsync($"/api/v1/tasks/{Guid.NewGuid()}/reorder", """{"priority_offset": 5}"""));
        await Answers(contract, HttpStatusCode.OK, _http.PostEmptyAsync(tasks + "/run"));
        await Answers(contract, HttpStatusCode.OK, _http.GetAsync(Uri(tasks + "/schedule?count=3")));
        await Answers(contract, HttpStatusCode.BadRequest, _http.GetAsync(Uri(tasks + "/schedule?count=0")));
        await Answers(contract, HttpStatusCode.NotFound, _http.GetAsync(Uri($"/api/v1/tasks/{Guid.NewGuid()}/schedule")));
        await Answers(contract, HttpStatusCode.OK, _http.GetAsync(Uri("/ui/session")));
        await Answers(contract, HttpStatusCode.OK, _http.GetAsync(Uri($"/api/v1/accounts/{account}/tasks")));
        await Answers(contract, HttpStatusCode.BadRequest, _http.GetAsync(Uri($"/api/v1/accounts/{account}/tasks?limit=0")));
        await Answers(contract, HttpStatusCode.OK, _http.GetAsync(Uri("/api/v1/runs?limit=3")));
        await Answers(contract, HttpStatusCode.BadRequest, _http.GetAsync(Uri("/api/v1/runs?outcome=fine")));
        await Answers(contract, HttpStatusCode.OK, _http.DeleteAsync(Uri(tasks)));
        await Answers(contract, HttpStatusCode.NotFound, _http.DeleteAsync(Uri(tasks)));
    }

    [Fact]
    public async Task EveryClusterAnswerMatchesTheDocument()
    {
        var contract = await ApiContract.LoadAsync(_http);

        await Answers(contract, HttpStatusCode.OK, _http.GetAsync(Uri("/api/v1/plugins")));
        await Answers(contract, HttpStatusCode.OK, _http.GetAsync(Uri("/api/v1/plugins/executor")));
        await Answers(contract, HttpStatusCode.NotFound, _http.GetAsync(Uri("/api/v1/plugins/teleport")));
        await Answers(contract, HttpStatusCode.OK, _http.GetAsync(Uri("/api/v1/status")));
        await Answers(contract, HttpStatusCode.OK, _http.GetAsync(Uri("/api/v1/dispatcher/status")));
        await Answers(contract, HttpStatusCode.OK, _http.PostEmptyAsync("/api/v1/dispatcher/stop"));
        await Answers(contract, HttpStatusCode.OK, _http.PostEmptyAsync("/api/v1/dispatcher/start"));
        await Answers(contract, HttpStatusCode.OK, _http.GetAsync(Uri("/api/v1/stats")));
        await Answers(contract, HttpStatusCode.OK, _http.GetAsync(Uri("/api/v1/agents")));
        await Answers(contract, HttpStatusCode.NotFound, _http.GetAsync(Uri("/api/v1/agents/nobody")));
        await Answers(contract, HttpStatusCode.NotFound, _http.PostEmptyAsync("/api/v1/agents/nobody/drain"));
        await Answers(contract, HttpStatusCode.BadRequest, _http.PostJsonAsync("/api/v1/dispatch", "[1]"));
        foreach (var path in new[] { "/health", "/api/v1/health" })
        {
            // Healthy or not, the answer is one the document lists.
            await contract.AssertConformsAsync(await _http.GetAsync(Uri(path)));
        }
    }

    [Fact]
    public async Task EveryFlowAnswerMatchesTheDocument()
    {
        var contract = await ApiContract.LoadAsync(_http);
        var flowId = "oa-flow-" + Guid.NewGuid().ToString("N")[..8];
        var flow = $"/api/v1/flows/{flowId}";
        var definition = $$$"""{"flow_id": "{{{flowId}}}", "cycle_interval": "1h", "flow_json": {"nodes": [{"id": "a", "type": "log", "config": {"x": 1}}], "edges": []}}""";

        await Answers(contract, HttpStatusCode.Created, _http.PostJsonAsync("/api/v1/flows/execute", definition));
        await Answers(contract, HttpStatusCode.OK, _http.PostJsonAsync("/api/v1/flows/execute", definition));
        await Answers(contract, HttpStatusCode.BadRequest, _http.PostJsonAsync("/api/v1/flows/execute", """{"flow_json": {"nodes": 3}}"""));
        await Answers(contract, HttpStatusCode.OK, _http.GetAsync(Uri("/api/v1/flows")));
        await Answers(contract, HttpStatusCode.BadRequest, _http.GetAsync(Uri("/api/v1/flows?status=asleep")));
        await Answers(contract, HttpStatusCode.OK, _http.GetAsync(Uri(flow + "/status")));
        await Answers(contract, HttpStatusCode.NotFound, _http.GetAsync(Uri("/api/v1/flows/no-such-flow/status")));
        var started = await Answers(contract, HttpStatusCode.Accepted, _http.PostEmptyAsync(flow + "/cycles"));
        var cycle = started!["cycle"]!.GetValue<long>();
        await Answers(contract, HttpStatusCode.Conflict, _http.PostJsonAsync(flow + "/cycles", $$"""{"cycle": {{cycle}}}"""));
        await Answers(contract, HttpStatusCode.OK, _http.GetAsync(Uri(flow + "/cycles")));
        await Answers(contract, HttpStatusCode.BadRequest, _http.GetAsync(Uri(flow + "/cycles?limit=0")));
        await Answers(contract, HttpStatusCode.OK, _http.GetAsync(Uri($"{flow}/cycles/{cycle}")));
        await Answers(contract, HttpStatusCode.NotFound, _http.GetAsync(Uri(flow + "/cycles/999999")));
        await Answers(contract, HttpStatusCode.OK, _http.PostEmptyAsync(flow + "/stop"));
        await Answers(contract, HttpStatusCode.OK, _http.PostEmptyAsync(flow + "/resume"));
        await Answers(contract, HttpStatusCode.NotFound, _http.PostEmptyAsync("/api/v1/flows/no-such-flow/stop"));
        await Answers(contract, HttpStatusCode.NotFound, _http.GetAsync(Uri("/api/v1/nodes/no-such-node/status")));
        await Answers(contract, HttpStatusCode.OK, _http.DeleteAsync(Uri(flow)));
        await Answers(contract, HttpStatusCode.NotFound, _http.DeleteAsync(Uri(flow)));
    }

    private static async Task<JsonNode?> Answers(ApiContract contract, HttpStatusCode expected, Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == expected,
            $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await contract.AssertConformsAsync(response);
    }

    private static Uri Uri(string path) => new(path, UriKind.Relative);

    private static string[] Enum(JsonNode schema) => [.. schema["enum"]!.AsArray().Select(v => v!.GetValue<string>())];
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.Flows;

/// <summary>The flows endpoints as a test calls them: raw responses where the status is the point, parsed bodies elsewhere.</summary>
public sealed class FlowsApi(HttpClient http, Func<string>? logs = null)
{
    /// <summary>How long a cycle may take to reach a state in these tests.</summary>
    public static readonly TimeSpan CycleDeadline = TimeSpan.FromSeconds(60);

    /// <summary>The client.</summary>
    public HttpClient Http => http;

    /// <summary>POST /api/v1/flows/execute.</summary>
    public Task<HttpResponseMessage> ExecuteAsync(JsonObject body) => http.PostAsJsonAsync(Relative("/api/v1/flows/execute"), body);

    /// <summary>POST /api/v1/flows/execute, expecting 201 (created) or 200 (replaced).</summary>
    public async Task<JsonObject> RegisterAsync(JsonObject body, HttpStatusCode expected = HttpStatusCode.Created) =>
        await JsonAsync(await ExecuteAsync(body), expected);

    /// <summary>POST /api/v1/flows/{id}/cycles with an optional body.</summary>
    public Task<HttpResponseMessage> StartCycleAsync(string flowId, JsonObject? body = null) => body is null
        ? http.PostAsync(Relative($"/api/v1/flows/{flowId}/cycles"), null)
        : http.PostAsJsonAsync(Relative($"/api/v1/flows/{flowId}/cycles"), body);

    /// <summary>Starts a cycle by hand (expecting 202) and returns its number.</summary>
    public async Task<long> StartCycleNumberAsync(string flowId, long? cycle = null)
    {
        var started = await JsonAsync(await StartCycleAsync(flowId, cycle is null ? null : new JsonObject { ["cycle"] = cycle }), HttpStatusCode.Accepted);
        return started["cycle"]!.GetValue<long>();
    }

    /// <summary>GET /api/v1/flows/{id}/status.</summary>
    public async Task<JsonObject> StatusAsync(string flowId) => await JsonAsync(await http.GetAsync(Relative($"/api/v1/flows/{flowId}/status")), HttpStatusCode.OK);

    /// <summary>GET /api/v1/flows/{id}/cycles (newest first).</summary>
    public async Task<JsonObject> CyclesAsync(string flowId, int limit = 50) =>
        await JsonAsync(await http.GetAsync(Relative($"/api/v1/flows/{flowId}/cycles?limit={limit}")), HttpStatusCode.OK);

    /// <summary>GET /api/v1/flows/{id}/cycles/{n}.</summary>
    public Task<HttpResponseMessage> GetCycleAsync(string flowId, long cycle) => http.GetAsync(Relative($"/api/v1/flows/{flowId}/cycles/{cycle}"));

    /// <summary>The cycle detail (expecting 200).</summary>
    public async Task<JsonObject> CycleAsync(string flowId, long cycle) => await JsonAsync(await GetCycleAsync(flowId, cycle), HttpStatusCode.OK);

    /// <summary>Waits until the cycle exists and <paramref name="until"/> holds for its detail.</summary>
    public Task<JsonObject> CycleWhenAsync(string flowId, long cycle, Func<JsonObject, bool> until, string what, TimeSpan? timeout = null) => Poll.UntilAsync(
        async () =>
        {
            using var response = await GetCycleAsync(flowId, cycle);
            return response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject() : null!;
        },
        detail => detail is not null && until(detail),
        timeout ?? CycleDeadline,
        $"{flowId} cycle {cycle}: {what}",
        logs);

    /// <summary>Waits until the cycle has finished (any state but running) and returns its detail.</summary>
    public Task<JsonObject> FinishedCycleAsync(string flowId, long cycle, TimeSpan? timeout = null) =>
        CycleWhenAsync(flowId, cycle, c => State(c) != "running", "to finish", timeout);

    /// <summary>POST /api/v1/flows/{id}/stop.</summary>
    public Task<HttpResponseMessage> StopAsync(string flowId) => http.PostAsync(Relative($"/api/v1/flows/{flowId}/stop"), null);

    /// <summary>POST /api/v1/flows/{id}/resume.</summary>
    public Task<HttpResponseMessage> ResumeAsync(string flowId) => http.PostAsync(Relative($"/api/v1/flows/{flowId}/resume"), null);

    /// <summary>POST /api/v1/flows/{id}/cycles/{n}/components/{c}/stop.</summary>
    public Task<HttpResponseMessage> StopComponentAsync(string flowId, long cycle, int component) =>
        http.PostAsync(Relative($"/api/v1/flows/{flowId}/cycles/{cycle}/components/{component}/stop"), null);

    /// <summary>DELETE /api/v1/flows/{id}.</summary>
    public Task<HttpResponseMessage> DeleteAsync(string flowId) => http.DeleteAsync(Relative($"/api/v1/flows/{flowId}"));

    /// <summary>Removes a flow a test made (a scheduled flow would otherwise keep running beside the next tests).</summary>
    public async Task RemoveAsync(string flowId)
    {
        using var response = await DeleteAsync(flowId);
    }

    /// <summary>A node of a cycle detail.</summary>
    public static JsonObject Node(JsonObject cycle, string nodeId) =>
        cycle["nodes"]!.AsArray().Select(n => n!.AsObject()).SingleOrDefault(n => n["node_id"]!.GetValue<string>() == nodeId)
        ?? throw new InvalidOperationException($"node {nodeId} is not in the cycle: {cycle.ToJsonString()}");

    /// <summary>A component of a cycle detail.</summary>
    public static JsonObject Component(JsonObject cycle, int component) =>
        cycle["components"]!.AsArray().Select(c => c!.AsObject()).SingleOrDefault(c => c["component"]!.GetValue<int>() == component)
        ?? throw new InvalidOperationException($"component {component} is not in the cycle: {cycle.ToJsonString()}");

    /// <summary>A node's state in a cycle detail.</summary>
    public static string NodeState(JsonObject cycle, string nodeId) => State(Node(cycle, nodeId));

    /// <summary>The <c>state</c> field of a cycle, component or node.</summary>
    public static string State(JsonObject item) => item["state"]!.GetValue<string>();

    /// <summary>Every node's state, for assertions that read as a table: <c>a=succeeded b=failed</c>.</summary>
    public static string NodeStates(JsonObject cycle) => string.Join(' ',
        cycle["nodes"]!.AsArray().Select(n => $"{n!["node_id"]!.GetValue<string>()}={n["state"]!.GetValue<string>()}").Order(StringComparer.Ordinal));

    /// <summary>An instant field as a time.</summary>
    public static DateTimeOffset Time(JsonNode? item, string field) =>
        DateTimeOffset.Parse(item![field]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads the body as a JSON object and checks the status.</summary>
    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected,
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
            return JsonNode.Parse(text)!.AsObject();
        }
    }

    /// <summary>
    /// Checks the answer is the feature's own 404 (problem details with <c>success: false</c>), not
    /// the 404 of a route that does not exist.
    /// </summary>
    public static async Task AssertNotFoundProblemAsync(HttpResponseMessage response)
    {
        var problem = await JsonAsync(response, System.Net.HttpStatusCode.NotFound);
        Assert.False(problem["success"]!.GetValue<bool>(), problem.ToJsonString());
    }

    private static Uri Relative(string path) => new(path, UriKind.Relative);
}

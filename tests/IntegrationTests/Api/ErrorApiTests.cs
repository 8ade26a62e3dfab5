using System.Net;
using System.Text.Json.Nodes;

namespace Actors.IntegrationTests.Api;

[Collection(ApiCollection.Name)]
public sealed class ErrorApiTests(ApiFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task ASecondActiveTaskForAnAccountIsAConflictNamingTheFirst()
    {
        var account = "dup-" + Guid.NewGuid().ToString("N")[..6];
        var first = await (await _http.PostJsonAsync("/api/v1/tasks/", ApiClient.SeedTask(account))).JsonAsync(HttpStatusCode.OK);

        var second = await _http.PostJsonAsync("/api/v1/tasks/", ApiClient.SeedTask(account));
        var problem = await second.JsonAsync(HttpStatusCode.Conflict);

        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);
        Assert.False(problem["success"]!.GetValue<bool>());
        Assert.Equal(first["task_id"]!.GetValue<string>(), problem["existing_task_id"]!.GetValue<string>());
        Assert.Contains(first["task_id"]!.GetValue<string>(), problem["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(409, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task TwentyParallelCreatesForOneAccountGiveOneTask()
    {
        var account = "race-" + Guid.NewGuid().ToString("N")[..6];

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _http.PostJsonAsync("/api/v1/tasks/", ApiClient.SeedTask(account))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task EveryInvalidFieldIsListedAtOnceUnderTheNameTheClientSent()
    {
        var body = new JsonObject
        {
            ["xhs_account_id"] = "",
            ["interval"] = -5,
            ["valid_time_range"] = new JsonArray(8),
            ["time_zone"] = "Mars/Olympus",
            ["start_time"] = "yesterday-ish",
            ["max_retries"] = "three",
        };

        var problem = await (await _http.PostJsonAsync("/api/v1/tasks/", body)).JsonAsync(HttpStatusCode.BadRequest);
        var fields = problem["errors"]!.AsObject().Select(e => e.Key).ToHashSet();

        Assert.Equal(["interval", "max_retries", "start_time", "time_zone", "valid_time_range", "xhs_account_id"], fields.Order());
        Assert.False(problem["success"]!.GetValue<bool>());
        Assert.Contains("interval", problem["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownExecutorIsListedWithTheOtherInvalidFields()
    {
        var body = ApiClient.SeedTask();
        body["executor"] = "nope";
        body["interval"] = 0;
        body["overlap"] = "queue";

        var problem = await (await _http.PostJsonAsync("/api/v1/tasks/", body)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["executor", "interval", "overlap"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Equal("No executor named 'nope' is registered; use one of: agent, flow, http, log.", problem["errors"]!["executor"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"xhs_account_id\": \"a\", \"interval\": \"abc\"}", "interval")]
    [InlineData("{\"xhs_account_id\": \"a\", \"interval\": 100000000000000000000}", "interval")]
    [InlineData("{\"xhs_account_id\": \"a\", \"interval\": 3.5}", "interval")]
    [InlineData("{\"xhs_account_id\": \"a\", \"valid_time_range\": [8, 22, 3]}", "valid_time_range")]
    [InlineData("{\"xhs_account_id\": \"a\", \"valid_time_range\": [9, 9]}", "valid_time_range")]
    [InlineData("{\"xhs_account_id\": \"a\", \"task_end_time\": \"2026-02-30\"}", "task_end_time")]
    [InlineData("{\"xhs_account_id\": \"a\", \"schedule_mode\": \"cron\", \"cron\": \"61 * * * *\"}", "cron")]
    [InlineData("{\"xhs_account_id\": \"a\", \"executor\": \"http\", \"http\": {\"url\": \"not a url\"}}", "http.url")]
    [InlineData("{\"xhs_account_id\": 42}", "xhs_account_id")]
    [InlineData("{\"account_id\": \"   \"}", "account_id")]
    [InlineData("{\"xhs_account_id\": \"a\", \"kwargs\": [1, 2]}", "kwargs")]
    public async Task UglyInputIsA400NamingTheField(string json, string field)
    {
        var problem = await (await _http.PostJsonAsync("/api/v1/tasks/", json)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task AReversedWindowWrapsMidnightAndAUnicodeAccountWorks()
    {
        var body = ApiClient.SeedTask("账号-" + Guid.NewGuid().ToString("N")[..6] + "-😀");
        body["valid_time_range"] = new JsonArray(22, 6);

        var created = await (await _http.PostJsonAsync("/api/v1/tasks/", body)).JsonAsync(HttpStatusCode.OK);
        var account = created["task_info"]!["account_id"]!.GetValue<string>();
        var listed = await (await _http.GetAsync(new Uri($"/api/v1/accounts/{Uri.EscapeDataString(account)}/tasks", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("[22,6]", created["task_info"]!["valid_time_range"]!.ToJsonString());
        Assert.Equal(1, listed["total"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("/api/v1/tasks/")]
    [InlineData("/api/v1/tasks/00000000-0000-0000-0000-000000000001/reorder")]
    public async Task MalformedJsonIsA400ThatSaysWhere(string path)
    {
        var problem = await (await _http.PostJsonAsync(path, "{\"xhs_account_id\": \"a\",")).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Contains("not valid JSON", problem["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("LineNumber", problem["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/tasks/00000000-0000-0000-0000-000000000001")]
    [InlineData("/api/v1/tasks/not-a-guid")]
    [InlineData("/api/v1/tasks/%20")]
    [InlineData("/api/v1/tasks/..%2F..%2Fetc")]
    [InlineData("/api/v1/tasks/00000000-0000-0000-0000-000000000001/runs")]
    public async Task UnknownOrOddTaskIdsAre404(string path)
    {
        var problem = await (await _http.GetAsync(new Uri(path, UriKind.Relative))).JsonAsync(HttpStatusCode.NotFound);

        Assert.StartsWith("task not found", problem["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandsOnAnUnknownTaskAre404()
    {
        var id = Guid.NewGuid();

        foreach (var command in new[] { "pause", "resume", "run" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _http.PostEmptyAsync($"/api/v1/tasks/{id}/{command}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _http.PostJsonAsync($"/api/v1/tasks/{id}/reorder", "{\"priority_offset\": 5}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.DeleteAsync(new Uri($"/api/v1/tasks/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ReorderNeedsAnOffsetAndMovesTheNextRun()
    {
        var created = await (await _http.PostJsonAsync("/api/v1/tasks/", ApiClient.SeedTask())).JsonAsync(HttpStatusCode.OK);
        var id = created["task_id"]!.GetValue<string>();
        var next = DateTimeOffset.Parse(created["task_info"]!["next_execution_time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

        var missing = await (await _http.PostJsonAsync($"/api/v1/tasks/{id}/reorder", "{}")).JsonAsync(HttpStatusCode.BadRequest);
        var moved = await (await _http.PostJsonAsync($"/api/v1/tasks/{id}/reorder", "{\"priority_offset\": -1800}")).JsonAsync(HttpStatusCode.OK);

        Assert.True(missing["errors"]!.AsObject().ContainsKey("priority_offset"));
        Assert.Equal(next.AddSeconds(-1800), DateTimeOffset.Parse(moved["new_next_execution_time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task BadListParametersAre400()
    {
        var problem = await (await _http.GetAsync(new Uri("/api/v1/tasks/?limit=0&offset=-1&status=sleeping", UriKind.Relative))).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["limit", "offset", "status"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
    }
}

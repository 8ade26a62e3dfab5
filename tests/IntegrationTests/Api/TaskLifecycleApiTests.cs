using System.Net;
using System.Text.Json.Nodes;

namespace Actors.IntegrationTests.Api;

[Collection(ApiCollection.Name)]
public sealed class TaskLifecycleApiTests(ApiFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task TheSeedLifecycleCreatesGetsPausesResumesAndDeletes()
    {
        var created = await (await _http.PostJsonAsync("/api/v1/tasks/", ApiClient.SeedTask())).JsonAsync(HttpStatusCode.OK);
        var id = created["task_id"]!.GetValue<string>();

        var got = await (await _http.GetAsync(new Uri($"/api/v1/tasks/{id}", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);
        var paused = await (await _http.PostEmptyAsync($"/api/v1/tasks/{id}/pause")).JsonAsync(HttpStatusCode.OK);
        var resumed = await (await _http.PostEmptyAsync($"/api/v1/tasks/{id}/resume")).JsonAsync(HttpStatusCode.OK);
        var deleted = await (await _http.DeleteAsync(new Uri($"/api/v1/tasks/{id}", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);
        var gone = await _http.GetAsync(new Uri($"/api/v1/tasks/{id}", UriKind.Relative));

        Assert.True(created["success"]!.GetValue<bool>());
        Assert.Equal("pending", created["task_info"]!["status"]!.GetValue<string>());
        Assert.Equal(0, got["round_num"]!.GetValue<long>());
        Assert.Equal("开始运营", got["kwargs"]!["user_query"]!.GetValue<string>());
        Assert.Equal("科技", got["kwargs"]!["user_topic"]!.GetValue<string>());
        Assert.Equal("2099-02-08", got["task_end_time"]!.GetValue<string>());
        Assert.Equal("paused", paused["status"]!.GetValue<string>());
        Assert.Equal("pending", resumed["status"]!.GetValue<string>());
        Assert.NotNull(resumed["next_execution_time"]);
        Assert.True(deleted["success"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task TheSeedWorkflowGivesTheSeedShapes()
    {
        var health = await (await _http.GetAsync(new Uri("/api/v1/health", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);
        var body = new JsonObject
        {
            ["sys_type"] = "mac_intel",
            ["xhs_account_id"] = "account_" + Guid.NewGuid().ToString("N")[..6],
            ["xhs_account_name"] = "账号1",
            ["user_query"] = "开始运营",
            ["interval"] = 3600,
            ["valid_time_range"] = new JsonArray(8, 22),
        };
        var created = await (await _http.PostJsonAsync("/api/v1/tasks/", body)).JsonAsync(HttpStatusCode.OK);
        var id = created["task_id"]!.GetValue<string>();
        var list = await (await _http.GetAsync(new Uri("/api/v1/tasks/", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);
        var paused = await (await _http.PostEmptyAsync($"/api/v1/tasks/{id}/pause")).JsonAsync(HttpStatusCode.OK);
        var resumed = await (await _http.PostEmptyAsync($"/api/v1/tasks/{id}/resume")).JsonAsync(HttpStatusCode.OK);
        var started = await (await _http.PostEmptyAsync("/api/v1/dispatcher/start")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("healthy", health["status"]!.GetValue<string>());
        Assert.NotNull(health["timestamp"]);
        Assert.NotNull(health["version"]);
        foreach (var field in new[] { "success", "task_id", "message", "task_info" })
        {
            Assert.True(created.ContainsKey(field), field);
        }

        var info = created["task_info"]!.AsObject();
        foreach (var field in new[] { "task_id", "account_id", "account_name", "status", "next_execution_time", "created_at" })
        {
            Assert.True(info.ContainsKey(field), field);
        }

        Assert.Equal(body["xhs_account_id"]!.GetValue<string>(), info["account_id"]!.GetValue<string>());
        Assert.Equal(new JsonArray(8, 22).ToJsonString(), info["valid_time_range"]!.ToJsonString());
        Assert.True(list["total"]!.GetValue<long>() >= 1);
        Assert.Contains(list["tasks"]!.AsArray(), t => t!["task_id"]!.GetValue<string>() == id);
        Assert.Equal(["success", "message", "task_id", "status"], paused.Select(p => p.Key).Take(4));
        Assert.NotNull(resumed["next_execution_time"]);
        Assert.True(started["success"]!.GetValue<bool>());
        Assert.True(started["is_running"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ATaskFiresAndItsRunsAreListedNewestFirst()
    {
        var body = ApiClient.SeedTask(interval: 1);
        body["run_immediately"] = true;
        var id = (await (await _http.PostJsonAsync("/api/v1/tasks/", body)).JsonAsync(HttpStatusCode.OK))["task_id"]!.GetValue<string>();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonObject runs;
        do
        {
            await Task.Delay(200);
            runs = await (await _http.GetAsync(new Uri($"/api/v1/tasks/{id}/runs", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);
        }
        while (runs["runs"]!.AsArray().Count(r => r!["outcome"]!.GetValue<string>() == "succeeded") < 2 && DateTime.UtcNow < deadline);
        var manual = await (await _http.PostEmptyAsync($"/api/v1/tasks/{id}/run")).JsonAsync(HttpStatusCode.OK);

        var rounds = runs["runs"]!.AsArray().Where(r => r!["outcome"]!.GetValue<string>() == "succeeded").Select(r => r!["round"]!.GetValue<long>()).ToList();
        Assert.True(rounds.Count >= 2, runs.ToJsonString());
        Assert.Equal(rounds.OrderDescending(), rounds);
        Assert.True(manual["success"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ListingPagesFiltersAndReportsTheTrueTotal()
    {
        var account = "paging-" + Guid.NewGuid().ToString("N")[..6];
        var created = await (await _http.PostJsonAsync("/api/v1/tasks/", ApiClient.SeedTask(account))).JsonAsync(HttpStatusCode.OK);
        for (var i = 0; i < 3; i++)
        {
            await _http.PostJsonAsync("/api/v1/tasks/", ApiClient.SeedTask());
        }

        var page = await (await _http.GetAsync(new Uri("/api/v1/tasks/?limit=2&offset=1", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);
        var byAccount = await (await _http.GetAsync(new Uri($"/api/v1/tasks/?account_id={account}&status=pending", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);
        var accountTasks = await (await _http.GetAsync(new Uri($"/api/v1/accounts/{account}/tasks", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);
        var none = await (await _http.GetAsync(new Uri($"/api/v1/tasks/?account_id={account}&status=paused", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, page["tasks"]!.AsArray().Count);
        Assert.True(page["total"]!.GetValue<long>() >= 4);
        Assert.Equal(1, byAccount["total"]!.GetValue<long>());
        Assert.Equal(created["task_id"]!.GetValue<string>(), byAccount["tasks"]![0]!["task_id"]!.GetValue<string>());
        Assert.Equal(account, accountTasks["account_id"]!.GetValue<string>());
        Assert.Equal(1, accountTasks["total"]!.GetValue<long>());
        Assert.Equal(0, none["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task IntradayIsNormalisedToIntervalAndTimeSlotWorks()
    {
        var body = ApiClient.SeedTask();
        body.Remove("valid_time_range");
        body["schedule_mode"] = "intraday";
        body["time_slot"] = new JsonObject { ["start_time"] = "08:00", ["end_time"] = "22:30" };

        var created = await (await _http.PostJsonAsync("/api/v1/tasks/", body)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("interval", created["task_info"]!["schedule_mode"]!.GetValue<string>());
        Assert.Equal("22:30", created["task_info"]!["time_slot"]!["end_time"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheDispatcherStopsAndStartsAndCountsTasks()
    {
        var stopped = await (await _http.PostEmptyAsync("/api/v1/dispatcher/stop")).JsonAsync(HttpStatusCode.OK);
        var status = await (await _http.GetAsync(new Uri("/api/v1/dispatcher/status", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);
        var started = await (await _http.PostEmptyAsync("/api/v1/dispatcher/start")).JsonAsync(HttpStatusCode.OK);

        Assert.False(stopped["is_running"]!.GetValue<bool>());
        Assert.False(status["is_running"]!.GetValue<bool>());
        foreach (var field in new[] { "total_tasks", "pending_tasks", "running_tasks", "paused_tasks", "completed_tasks", "error_tasks", "current_running_task" })
        {
            Assert.True(status.ContainsKey(field), field);
        }

        Assert.True(started["is_running"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PluginsStatusDocsAndTheOpenApiDocumentAnswer()
    {
        var plugins = await (await _http.GetAsync(new Uri("/api/v1/plugins", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);
        var executors = await (await _http.GetAsync(new Uri("/api/v1/plugins/executor", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);
        var status = await (await _http.GetAsync(new Uri("/api/v1/status", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);
        var openApi = await (await _http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);
        var docs = await _http.GetAsync(new Uri("/docs/", UriKind.Relative));

        Assert.Equal(["agent", "flow", "http", "log"], executors["plugins"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order());
        Assert.Contains(plugins["plugins"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "cron" && p["plugin_type"]!.GetValue<string>() == "schedule");
        Assert.Equal("active", status["silos"]![0]!["status"]!.GetValue<string>());
        var paths = openApi["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var path in new[]
        {
            "/health", "/api/v1/health", "/api/v1/status", "/api/v1/dispatcher/status", "/api/v1/dispatcher/start", "/api/v1/dispatcher/stop",
            "/api/v1/tasks", "/api/v1/tasks/{taskId}", "/api/v1/tasks/{taskId}/pause", "/api/v1/tasks/{taskId}/resume",
            "/api/v1/tasks/{taskId}/reorder", "/api/v1/tasks/{taskId}/run", "/api/v1/tasks/{taskId}/runs",
            "/api/v1/accounts/{accountId}/tasks", "/api/v1/plugins", "/api/v1/plugins/{pluginType}",
        })
        {
            Assert.Contains(path, paths);
        }

        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }
}

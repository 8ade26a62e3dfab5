using System.Net;
using System.Text.Json.Nodes;

namespace Actors.IntegrationTests.Api;

[Collection(ApiCollection.Name)]
public sealed class RunsApiTests(ApiFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task ATasksRunsPageByCursorWithATotalAndShowUpAcrossTasksByAccount()
    {
        var account = "runs-" + Guid.NewGuid().ToString("N")[..8];
        var body = ApiClient.SeedTask(account, interval: 1);
        body["run_immediately"] = true;
        var id = (await (await _http.PostJsonAsync("/api/v1/tasks/", body)).JsonAsync(HttpStatusCode.OK))["task_id"]!.GetValue<string>();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonObject all;
        do
        {
            await Task.Delay(200);
            all = await GetAsync($"/api/v1/tasks/{id}/runs?limit=1000");
        }
        while (all["total"]!.GetValue<long>() < 5 && DateTime.UtcNow < deadline);
        await _http.PostEmptyAsync($"/api/v1/tasks/{id}/pause");
        all = await GetAsync($"/api/v1/tasks/{id}/runs?limit=1000");

        var first = await GetAsync($"/api/v1/tasks/{id}/runs?limit=2");
        var second = await GetAsync($"/api/v1/tasks/{id}/runs?limit=2&cursor={first["next_cursor"]}");
        var ofAccount = await GetAsync($"/api/v1/runs?account_id={account}&outcome=succeeded&limit=1000");

        var everyRun = all["runs"]!.AsArray().Select(r => r!["run_id"]!.GetValue<string>()).ToList();
        Assert.True(everyRun.Count >= 5, all.ToJsonString());
        Assert.Equal(all["total"]!.GetValue<long>(), everyRun.Count);
        Assert.Equal(everyRun.Take(4), first["runs"]!.AsArray().Concat(second["runs"]!.AsArray()).Select(r => r!["run_id"]!.GetValue<string>()));
        Assert.All(ofAccount["runs"]!.AsArray(), r =>
        {
            Assert.Equal(id, r!["task_id"]!.GetValue<string>());
            Assert.Equal("succeeded", r["outcome"]!.GetValue<string>());
        });
        Assert.NotEmpty(ofAccount["runs"]!.AsArray());
    }

    [Fact]
    public async Task BadRunQueriesAreRefusedNamingEveryField()
    {
        var response = await _http.GetAsync(new Uri("/api/v1/runs?task_id=nope&outcome=fine&since=yesterday&limit=0", UriKind.Relative));
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["limit", "task_id", "outcome", "since"], errors.Select(e => e.Key));
        Assert.Contains("succeeded, failed, timed_out, skipped, abandoned", errors["outcome"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRunsOfAnUnknownTaskAreNotFound()
    {
        var response = await _http.GetAsync(new Uri($"/api/v1/tasks/{Guid.NewGuid()}/runs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<JsonObject> GetAsync(string path) =>
        await (await _http.GetAsync(new Uri(path, UriKind.Relative))).JsonAsync(HttpStatusCode.OK);
}

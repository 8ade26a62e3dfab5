using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Actors.IntegrationTests.Api;

[Collection(ApiCollection.Name)]
public sealed class ScheduleApiTests(ApiFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task ATasksScheduleReadsInWordsWithItsNextRunsAndNoneWhilePaused()
    {
        var body = ApiClient.SeedTask(interval: 300);
        var id = (await (await _http.PostJsonAsync("/api/v1/tasks/", body)).JsonAsync(HttpStatusCode.OK))["task_id"]!.GetValue<string>();

        var preview = await (await _http.GetAsync(new Uri($"/api/v1/tasks/{id}/schedule?count=4", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("every 5 min (UTC), until 2099-02-08", preview["text"]!.GetValue<string>());
        var runs = preview["next_runs"]!.AsArray().Select(r => DateTimeOffset.Parse(r!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(4, runs.Count);
        Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(5), pair.Second - pair.First));
        var task = await (await _http.GetAsync(new Uri($"/api/v1/tasks/{id}", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(task["next_execution_time"]!.GetValue<string>(), preview["next_runs"]![0]!.GetValue<string>());

        await _http.PostEmptyAsync($"/api/v1/tasks/{id}/pause");
        var paused = await (await _http.GetAsync(new Uri($"/api/v1/tasks/{id}/schedule", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("paused", paused["status"]!.GetValue<string>());
        Assert.Empty(paused["next_runs"]!.AsArray());
    }

    [Fact]
    public async Task AnUnknownTaskIs404AndABadCountIs400()
    {
        await (await _http.GetAsync(new Uri($"/api/v1/tasks/{Guid.NewGuid()}/schedule", UriKind.Relative))).JsonAsync(HttpStatusCode.NotFound);
        var id = (await (await _http.PostJsonAsync("/api/v1/tasks/", ApiClient.SeedTask())).JsonAsync(HttpStatusCode.OK))["task_id"]!.GetValue<string>();
        var problem = await (await _http.GetAsync(new Uri($"/api/v1/tasks/{id}/schedule?count=0", UriKind.Relative))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("count must be between 1 and 50", problem["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

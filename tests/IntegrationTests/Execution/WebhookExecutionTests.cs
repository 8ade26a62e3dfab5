using System.Net;
using System.Text.Json.Nodes;
using Actors.IntegrationTests.Api;
using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.Execution;

/// <summary>The http executor end to end: API → task grain → real webhook receiver.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookExecutionTests(ApiFactory factory) : IAsyncLifetime
{
    private readonly HttpClient _http = factory.CreateClient();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task AnIntervalTwoTaskDeliversEachRoundExactlyOnceForAMinuteWithItsRunId()
    {
        var id = await CreateAsync("each-round", interval: 2);

        await Poll.UntilAsync(() => Task.FromResult(_receiver.To("each-round").Count), n => n >= 30, TimeSpan.FromSeconds(90), "a minute of deliveries");
        await PauseAsync(id);
        var deliveries = _receiver.To("each-round");
        var runs = await RunsAsync(id);

        Assert.Equal(deliveries.Count, deliveries.Select(d => d.RunId).Distinct().Count());
        Assert.All(deliveries, d =>
        {
            Assert.Equal(d.RunId, d.IdempotencyKey);
            Assert.Equal(d.RunId, d.Body!["run_id"]!.GetValue<string>());
            Assert.Equal($"{id}:{d.Body["round"]!.GetValue<long>()}", d.RunId);
            Assert.Equal("hello", d.Body["kwargs"]!["user_query"]!.GetValue<string>());
        });
        var rounds = deliveries.Select(d => d.Body!["round"]!.GetValue<long>()).Order().ToList();
        Assert.Equal(Enumerable.Range(1, rounds.Count).Select(r => (long)r), rounds);
        Assert.Contains(runs, r => r["outcome"]!.GetValue<string>() == "succeeded" && r["output"]!.GetValue<string>() == "ok from receiver");
    }

    [Fact]
    public async Task AReceiverThatFailsTwiceThenSucceedsSeesThreeAttemptsOfOneRound()
    {
        _receiver.Respond("flaky", 500, 503);
        var id = await CreateAsync("flaky", interval: 3600, runImmediately: true, extra: new JsonObject { ["max_retries"] = 3, ["retry_backoff_seconds"] = 0.2 });

        var runs = await Poll.UntilAsync(() => RunsAsync(id), r => r.Any(x => x["outcome"]!.GetValue<string>() == "succeeded"), TimeSpan.FromSeconds(30), "the round to succeed");
        var deliveries = _receiver.To("flaky");

        Assert.Equal(3, deliveries.Count);
        Assert.Single(deliveries.Select(d => d.RunId).Distinct());
        Assert.Equal([1, 2, 3], deliveries.Select(d => d.Body!["attempt"]!.GetValue<int>()));
        Assert.Equal(["succeeded", "failed", "failed"], runs.Select(r => r["outcome"]!.GetValue<string>()));
        Assert.Equal("HTTP 503 Service Unavailable", runs[1]["error"]!.GetValue<string>());
        Assert.Equal(1, (await TaskAsync(id))["round_num"]!.GetValue<long>());
    }

    [Fact]
    public async Task ASlowReceiverTimesOutAndOverlappingSlotsAreSkipped()
    {
        _receiver.Delay("slow", TimeSpan.FromSeconds(4));
        var id = await CreateAsync("slow", interval: 1, extra: new JsonObject { ["timeout_seconds"] = 2, ["max_retries"] = 0 });

        var runs = await Poll.UntilAsync(() => RunsAsync(id),
            r => r.Any(x => x["outcome"]!.GetValue<string>() == "timed_out") && r.Any(x => x["outcome"]!.GetValue<string>() == "skipped"),
            TimeSpan.FromSeconds(40), "a timed-out run and a skipped slot");
        await PauseAsync(id);

        Assert.Contains(runs, r => r["outcome"]!.GetValue<string>() == "timed_out" && r["error"]!.GetValue<string>().Contains("Timed out after 2 s", StringComparison.Ordinal));
        Assert.Contains(runs, r => r["outcome"]!.GetValue<string>() == "skipped" && r["error"]!.GetValue<string>().Contains("still in flight", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARefusedConnectionFailsTheRunWithAClearMessageAndManyFailuresStopTheTask()
    {
        var body = ApiClient.SeedTask(interval: 1);
        body["executor"] = "http";
        body["http"] = new JsonObject { ["url"] = $"http://127.0.0.1:{FreePort.Next()}/nobody" };
        body["max_retries"] = 0;
        body["max_consecutive_failures"] = 2;
        var id = (await (await _http.PostJsonAsync("/api/v1/tasks/", body)).JsonAsync(HttpStatusCode.OK))["task_id"]!.GetValue<string>();

        var task = await Poll.UntilAsync(() => TaskAsync(id), t => t["status"]!.GetValue<string>() == "error", TimeSpan.FromSeconds(30), "the task to stop in error");
        var runs = await RunsAsync(id);

        Assert.Equal(2, task["consecutive_failures"]!.GetValue<int>());
        Assert.All(runs.Where(r => r["outcome"]!.GetValue<string>() != "skipped"), r =>
        {
            Assert.Equal("failed", r["outcome"]!.GetValue<string>());
            Assert.StartsWith("Could not reach http://127.0.0.1:", r["error"]!.GetValue<string>(), StringComparison.Ordinal);
        });
    }

    private async Task<string> CreateAsync(string path, int interval, bool runImmediately = false, JsonObject? extra = null)
    {
        var body = ApiClient.SeedTask(interval: interval);
        body["user_query"] = "hello";
        body["executor"] = "http";
        body["http"] = new JsonObject { ["url"] = _receiver.Url(path), ["method"] = "POST", ["headers"] = new JsonObject { ["X-Tenant"] = "t1" } };
        body["run_immediately"] = runImmediately;
        foreach (var (key, value) in extra ?? [])
        {
            body[key] = value?.DeepClone();
        }

        return (await (await _http.PostJsonAsync("/api/v1/tasks/", body)).JsonAsync(HttpStatusCode.OK))["task_id"]!.GetValue<string>();
    }

    private async Task PauseAsync(string id) => await (await _http.PostEmptyAsync($"/api/v1/tasks/{id}/pause")).JsonAsync(HttpStatusCode.OK);

    private async Task<JsonObject> TaskAsync(string id) => await (await _http.GetAsync(new Uri($"/api/v1/tasks/{id}", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);

    private async Task<List<JsonObject>> RunsAsync(string id)
    {
        var body = await (await _http.GetAsync(new Uri($"/api/v1/tasks/{id}/runs", UriKind.Relative))).JsonAsync(HttpStatusCode.OK);
        return [.. body["runs"]!.AsArray().Select(r => r!.AsObject())];
    }
}

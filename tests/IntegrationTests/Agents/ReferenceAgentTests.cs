using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.Agents;

/// <summary>The reference agent (<c>actors agent</c>, a real process) against a real cluster: matching, kill -9, a Web API restart.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReferenceAgentTests(AgentClusterFixture fixture) : IClassFixture<AgentClusterFixture>
{
    /// <summary>Prints who ran it, its identity and what it read on standard input.</summary>
    private const string Report = "echo \"$ACTORS_AGENT $ACTORS_RUN_ID $ACTORS_ATTEMPT\"; cat";

    [Fact]
    public async Task RunsGoOnlyToAgentsWithTheirLabelsAndTaskTypesWithThePayloadOnStandardInput()
    {
        var label = Label();
        var (scraper, builder) = ($"scraper-{label}", $"builder-{label}");
        fixture.StartAgent(scraper, [label, "chrome"], ["scrape"]);
        fixture.StartAgent(builder, [label], ["build"]);
        await fixture.WaitOnlineAsync(scraper);
        await fixture.WaitOnlineAsync(builder);

        var scrape = await fixture.Cluster.CreateTaskAsync(AgentClusterFixture.AgentTask(Account(), [label, "chrome"], Report, taskType: "scrape"));
        var build = await fixture.Cluster.CreateTaskAsync(AgentClusterFixture.AgentTask(Account(), [label], Report, taskType: "build"));
        var scraped = await SucceededAsync(scrape);
        var built = await SucceededAsync(build);

        Assert.StartsWith($"{scraper} {scrape}:1 1", scraped["output"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("\"greeting\":\"hello\"", scraped["output"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith($"{builder} {build}:1 1", built["output"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KillingAnAgentMidRunRetriesTheRunOnAnotherAgentAndItSucceedsOnce()
    {
        var label = Label();
        var (first, second) = ($"first-{label}", $"second-{label}");
        var doomed = fixture.StartAgent(first, [label]);
        await fixture.WaitOnlineAsync(first);
        var taskId = await fixture.Cluster.CreateTaskAsync(AgentClusterFixture.AgentTask(Account(), [label], $"sleep 10; {Report}", maxRetries: 2));
        await Poll.UntilAsync(() => RunsInFlightAsync(first), runs => runs > 0, TimeSpan.FromSeconds(30), $"{first} to run the task");
        fixture.StartAgent(second, [label]);
        await fixture.WaitOnlineAsync(second);

        await doomed.KillAsync();
        var runs = await fixture.RunsWhenAsync(taskId, r => r.Any(x => x["outcome"]!.GetValue<string>() == "succeeded"), "the retry to succeed");

        Assert.Equal(["succeeded", "abandoned"], runs.Select(r => r["outcome"]!.GetValue<string>()));
        Assert.StartsWith($"{second} {taskId}:1 2", runs[0]["output"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWebApiRestartDoesNotLoseTheRunOnTheAgent()
    {
        var label = Label();
        var name = $"steady-{label}";
        fixture.StartAgent(name, [label]);
        await fixture.WaitOnlineAsync(name);
        var taskId = await fixture.Cluster.CreateTaskAsync(AgentClusterFixture.AgentTask(Account(), [label], $"sleep 2; {Report}", maxRetries: 2));
        await Poll.UntilAsync(() => RunsInFlightAsync(name), runs => runs > 0, TimeSpan.FromSeconds(30), $"{name} to run the task");

        await fixture.Cluster.Api!.KillAsync();
        fixture.Cluster.StartApi();
        await fixture.Cluster.WaitHealthyAsync(1);
        var run = await SucceededAsync(taskId);

        Assert.Equal(1, run["attempt"]!.GetValue<int>());
        Assert.StartsWith($"{name} {taskId}:1 1", run["output"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDeathOfTheSiloOwningTheTaskDoesNotLoseTheRunOnTheAgent()
    {
        var label = Label();
        var name = $"survivor-{label}";
        fixture.StartAgent(name, [label]);
        await fixture.WaitOnlineAsync(name);
        var taskId = await fixture.Cluster.CreateTaskAsync(AgentClusterFixture.AgentTask(Account(), [label], $"sleep 3; {Report}", maxRetries: 2));
        await Poll.UntilAsync(() => RunsInFlightAsync(name), runs => runs > 0, TimeSpan.FromSeconds(30), $"{name} to run the task");

        await fixture.Cluster.Silos[0].KillAsync();
        fixture.Cluster.StartSilo(0);
        await fixture.Cluster.WaitHealthyAsync(1);
        var run = await SucceededAsync(taskId);

        Assert.Equal(1, run["attempt"]!.GetValue<int>());
        Assert.StartsWith($"{name} {taskId}:1 1", run["output"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgentToldToShutDownFinishesItsRunAndExits()
    {
        var label = Label();
        var name = $"leaving-{label}";
        var agent = fixture.StartAgent(name, [label]);
        await fixture.WaitOnlineAsync(name);
        var taskId = await fixture.Cluster.CreateTaskAsync(AgentClusterFixture.AgentTask(Account(), [label], $"sleep 2; {Report}"));
        await Poll.UntilAsync(() => RunsInFlightAsync(name), runs => runs > 0, TimeSpan.FromSeconds(30), $"{name} to run the task");

        using var told = await fixture.Cluster.Http.PostAsync(new Uri($"/api/v1/agents/{name}/shutdown", UriKind.Relative), null);
        var exitCode = await agent.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(told.IsSuccessStatusCode);
        Assert.Equal(0, exitCode);
        var run = await SucceededAsync(taskId);
        Assert.Equal(1, run["attempt"]!.GetValue<int>());
        var after = (await fixture.Cluster.Http.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/agents/{name}", UriKind.Relative)))!;
        Assert.True(after["draining"]!.GetValue<bool>());
    }

    private async Task<JsonObject> SucceededAsync(string taskId)
    {
        var runs = await fixture.RunsWhenAsync(taskId, r => r.Count > 0 && r[0]["outcome"]!.GetValue<string>() != "running", $"task {taskId} to finish its run", TimeSpan.FromSeconds(90));
        var run = Assert.Single(runs);
        Assert.True(run["outcome"]!.GetValue<string>() == "succeeded", run.ToJsonString());
        return run;
    }

    private async Task<int> RunsInFlightAsync(string agent)
    {
        using var response = await fixture.Cluster.Http.GetAsync(new Uri($"/api/v1/agents/{agent}", UriKind.Relative));
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonObject>())!["runs_in_flight"]!.AsArray().Count : 0;
    }

    private static string Label() => $"l{Guid.NewGuid():N}"[..12];

    private static string Account() => $"agent-{Guid.NewGuid():N}";
}

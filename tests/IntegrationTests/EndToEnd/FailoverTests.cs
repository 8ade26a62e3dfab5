using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Actors.IntegrationTests.Api;
using Actors.IntegrationTests.Support;
using Actors.Silo.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.IntegrationTests.EndToEnd;

/// <summary>Three silo processes, the Web API and 200 webhook tasks; one silo is killed and later restarted.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FailoverTests(PostgresServer postgres)
{
    private const int Tasks = 200;
    private const int SlowTasks = 20;

    [Fact]
    public async Task KillingASiloLosesNoTaskAndNoRoundSucceedsTwice()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var cluster = await ClusterProcesses.StartAsync(database, silos: 3);

        var ids = new List<string>();
        for (var i = 0; i < Tasks; i++)
        {
            ids.Add(await cluster.CreateTaskAsync(new JsonObject
            {
                ["account_id"] = $"failover-{i}",
                ["sys_type"] = "test",
                ["interval"] = 2,
                ["executor"] = "http",
                ["http"] = new JsonObject { ["url"] = receiver.Url("hook") },
                ["timeout_seconds"] = 5,
                ["max_retries"] = 3,
                ["retry_backoff_seconds"] = 0.5,
            }));
        }

        // Slow tasks are mostly in flight at any moment, so the kill catches some mid-run.
        receiver.Delay("slow", TimeSpan.FromSeconds(3));
        var slowIds = new List<string>();
        for (var i = 0; i < SlowTasks; i++)
        {
            slowIds.Add(await cluster.CreateTaskAsync(new JsonObject
            {
                ["account_id"] = $"slow-{i}",
                ["interval"] = 2,
                ["run_immediately"] = true,
                ["executor"] = "http",
                ["http"] = new JsonObject { ["url"] = receiver.Url("slow") },
                ["timeout_seconds"] = 30,
                ["max_retries"] = 3,
                ["retry_backoff_seconds"] = 0.5,
            }));
        }

        await Poll.UntilAsync(() => Task.FromResult(FiredTasks(receiver, DateTimeOffset.MinValue)), n => n == Tasks,
            TimeSpan.FromSeconds(90), "every task to fire once", cluster.Logs);
        await Poll.UntilAsync(() => Task.FromResult(receiver.To("slow").Select(d => d.RunId).Distinct().Count()), n => n >= SlowTasks,
            TimeSpan.FromSeconds(60), "the slow tasks to be running", cluster.Logs);

        await cluster.Silos[1].KillAsync();
        var killedAt = DateTimeOffset.UtcNow;

        await Poll.UntilAsync(() => Task.FromResult(FiredTasks(receiver, killedAt.AddSeconds(1))), n => n == Tasks,
            TimeSpan.FromSeconds(60), "every task to fire again within 60 s of the kill", () => Silent(cluster, receiver, ids, killedAt));
        var listed = await Poll.UntilAsync(
            async () => (await cluster.Http.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/tasks/?limit=1000", UriKind.Relative)))!["total"]!.GetValue<long>(),
            total => total == Tasks + SlowTasks, TimeSpan.FromSeconds(30), "the list to show every task", cluster.Logs);
        Assert.Equal(Tasks + SlowTasks, listed);

        // Live activations stay where they are; the restarted silo takes new work and its share of the reminder ring.
        var restarted = cluster.StartSilo(1);
        await cluster.WaitHealthyAsync(3);
        var siloOne = await Poll.UntilAsync(() => SiloAddressAsync(cluster, "silo-1"), a => a is not null, TimeSpan.FromSeconds(60), "silo-1 back in the cluster", cluster.Logs);
        var newIds = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            newIds.Add(await cluster.CreateTaskAsync(new JsonObject { ["account_id"] = $"after-restart-{i}", ["interval"] = 2, ["run_immediately"] = true }));
        }

        await Poll.UntilAsync(() => RunsOnSiloAsync(cluster, newIds, siloOne!), n => n > 0, TimeSpan.FromSeconds(60),
            "the restarted silo to run some of the new tasks", cluster.Logs);
        Assert.True(restarted.IsRunning);

        // Runs in flight on the dead silo are recorded as abandoned and their round is retried to success.
        var abandoned = await Poll.UntilAsync(() => AbandonedRoundsAsync(cluster, slowIds), a => a.Count > 0 && a.All(r => r.Retried),
            TimeSpan.FromSeconds(90), "abandoned runs on the killed silo, each retried to success",
            () => string.Join(Environment.NewLine, slowIds.Take(20).Select(id => cluster.Http.GetStringAsync(new Uri($"/api/v1/tasks/{id}/runs?limit=8", UriKind.Relative)).GetAwaiter().GetResult())));
        Assert.NotEmpty(abandoned);

        // No round succeeded twice in the scheduler's own history...
        foreach (var id in ids.Take(50))
        {
            var runs = await cluster.Http.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/tasks/{id}/runs", UriKind.Relative));
            var succeeded = runs!["runs"]!.AsArray().Where(r => r!["outcome"]!.GetValue<string>() == "succeeded").Select(r => r!["run_id"]!.GetValue<string>()).ToList();
            Assert.Equal(succeeded.Count, succeeded.Distinct().Count());
        }

        // ...and a run id reaches the receiver twice only when its first attempt was cut off by the kill.
        var repeated = receiver.To("hook").GroupBy(d => d.RunId).Where(g => g.Count() > 1).ToList();
        Assert.All(repeated, g => Assert.True(g.Min(d => d.ArrivedAt) < killedAt.AddSeconds(1), $"{g.Key} was delivered twice after the kill"));
        Assert.True(repeated.Count <= 10, $"{repeated.Count} rounds were delivered twice");
    }

    [Fact]
    public async Task WithNoSiloTheApiAnswers503QuicklyInsteadOfHanging()
    {
        var database = await postgres.CreateDatabaseAsync();
        await SchemaInstaller.ApplyAsync(database, NullLogger.Instance, CancellationToken.None);
        var port = FreePort.Next();
        await using var api = ServiceProcess.Start("webapi-alone", RepoPaths.WebApiDll, new Dictionary<string, string>
        {
            ["Actors__Postgres"] = database,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };

        var health = await Poll.UntilAsync(() => http.GetAsync(new Uri("/health", UriKind.Relative)), r => r.StatusCode != HttpStatusCode.OK || true,
            TimeSpan.FromSeconds(60), "the Web API to listen", () => api.Tail);
        var task = await http.GetAsync(new Uri($"/api/v1/tasks/{Guid.NewGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var problem = await task.JsonAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("cannot be reached", problem["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<List<(string RunId, bool Retried)>> AbandonedRoundsAsync(ClusterProcesses cluster, List<string> ids)
    {
        var result = new List<(string, bool)>();
        foreach (var id in ids)
        {
            var runs = (await cluster.Http.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/tasks/{id}/runs", UriKind.Relative)))!["runs"]!.AsArray();
            foreach (var run in runs.Where(r => r!["outcome"]!.GetValue<string>() == "abandoned"))
            {
                var runId = run!["run_id"]!.GetValue<string>();
                result.Add((runId, runs.Any(r => r!["run_id"]!.GetValue<string>() == runId && r["outcome"]!.GetValue<string>() == "succeeded")));
            }
        }

        return result;
    }

    private static string Silent(ClusterProcesses cluster, WebhookReceiver receiver, List<string> ids, DateTimeOffset since)
    {
        var fired = receiver.To("hook").Where(d => d.ArrivedAt >= since.AddSeconds(1)).Select(d => d.Body!["task_id"]!.GetValue<string>()).ToHashSet();
        var silent = ids.Where(id => !fired.Contains(id)).Take(3).ToList();
        var details = silent.Select(id =>
            cluster.Http.GetStringAsync(new Uri($"/api/v1/tasks/{id}", UriKind.Relative)).GetAwaiter().GetResult() + Environment.NewLine
            + cluster.Http.GetStringAsync(new Uri($"/api/v1/tasks/{id}/runs?limit=5", UriKind.Relative)).GetAwaiter().GetResult());
        return $"Silent since the kill at {since:O}: {string.Join(", ", silent)}{Environment.NewLine}{string.Join(Environment.NewLine, details)}";
    }

    private static int FiredTasks(WebhookReceiver receiver, DateTimeOffset since) =>
        receiver.To("hook").Where(d => d.ArrivedAt >= since && d.AnsweredStatus == 200).Select(d => d.Body!["task_id"]!.GetValue<string>()).Distinct().Count();

    private static async Task<string?> SiloAddressAsync(ClusterProcesses cluster, string name)
    {
        var status = await cluster.Http.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/status", UriKind.Relative));
        return status!["silos"]!.AsArray().FirstOrDefault(s => s!["name"]!.GetValue<string>() == name && s["status"]!.GetValue<string>() == "active")?["address"]!.GetValue<string>();
    }

    private static async Task<int> RunsOnSiloAsync(ClusterProcesses cluster, IEnumerable<string> ids, string silo)
    {
        var count = 0;
        foreach (var id in ids)
        {
            var runs = await cluster.Http.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/tasks/{id}/runs?limit=5", UriKind.Relative));
            count += runs!["runs"]!.AsArray().Count(r => r!["silo"]!.GetValue<string>() == silo);
        }

        return count;
    }
}

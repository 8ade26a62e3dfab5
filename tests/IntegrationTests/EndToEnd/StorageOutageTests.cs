using System.Text.Json.Nodes;
using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.EndToEnd;

/// <summary>PostgreSQL stops and comes back under load (see <see cref="StorageOutageFixture"/>).</summary>
[Collection(PostgresCollection.Name)]
public sealed class StorageOutageTests(StorageOutageFixture fixture) : IClassFixture<StorageOutageFixture>
{
    private ClusterProcesses Cluster => fixture.Cluster;

    [Fact]
    public void NoProcessExitsDuringTheOutage() => Assert.True(fixture.ProcessesSurvived, Cluster.Logs());

    [Fact]
    public void EveryCallDuringTheOutageAnswersWithinTwoSeconds()
    {
        Assert.True(fixture.Probes.Count >= 6 * 5, $"only {fixture.Probes.Count} calls were made");
        var slow = fixture.Probes.Where(p => p.Status == 0 || p.Took > TimeSpan.FromSeconds(2)).ToList();
        Assert.True(slow.Count == 0, string.Join(Environment.NewLine, slow.Select(p => $"{p.Call}: {p.Status} after {p.Took.TotalMilliseconds:0} ms")));
    }

    [Fact]
    public void WritesDuringTheOutageAnswer503WithAProblemAndRetryAfter()
    {
        var writes = fixture.Probes.Where(p => p.Call.StartsWith("POST", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(writes);
        Assert.All(writes, w =>
        {
            Assert.True(w.Status == 503, $"{w.Call} answered {w.Status}: {w.Body?.ToJsonString()}");
            Assert.Equal("5", w.RetryAfter);
            Assert.Equal("Storage unavailable", w.Body!["title"]!.GetValue<string>());
            Assert.False(w.Body["success"]!.GetValue<bool>());
        });
    }

    [Fact]
    public void HealthIsUnhealthyAndNamesStorageDuringTheOutage()
    {
        var health = fixture.Probes.Where(p => p.Call == "GET /health").ToList();

        Assert.NotEmpty(health);
        Assert.All(health, h =>
        {
            Assert.Equal(503, h.Status);
            Assert.Equal("unhealthy", h.Body!["status"]!.GetValue<string>());
            Assert.Equal("unhealthy", h.Body["checks"]!["storage"]!["status"]!.GetValue<string>());
            Assert.Equal("healthy", h.Body["checks"]!["cluster"]!["status"]!.GetValue<string>());
        });
    }

    [Fact]
    public void HealthIsHealthyWithinFifteenSecondsOfTheDatabaseReturning()
    {
        Assert.NotNull(fixture.HealthyAt);
        Assert.True(fixture.HealthyAt - fixture.Window.Up <= TimeSpan.FromSeconds(15), $"healthy {(fixture.HealthyAt - fixture.Window.Up)?.TotalSeconds:0.0} s after the database came back");
    }

    [Fact]
    public void EveryTaskFiresAgainWithinThirtySecondsOfTheDatabaseReturning()
    {
        var tasks = fixture.TaskIds.Append(fixture.LastCreatedTask).ToList();
        var silent = tasks.Where(id => !fixture.FiredAfter.ContainsKey(id)).ToList();

        Assert.True(silent.Count == 0, $"{silent.Count} tasks did not fire within a minute, e.g. {string.Join(", ", silent.Take(3))}");
        var last = fixture.FiredAfter.Values.Max() - fixture.Window.Up;
        Assert.True(last <= TimeSpan.FromSeconds(30), $"the last task fired {last.TotalSeconds:0.0} s after the database came back");
    }

    [Fact]
    public async Task AcknowledgedWritesSurviveTheOutage()
    {
        var paused = await Cluster.GetTaskAsync(fixture.PausedTask);
        Assert.Equal("paused", paused["status"]!.GetValue<string>());
        Assert.Equal(fixture.LastCreatedTask, (await Cluster.GetTaskAsync(fixture.LastCreatedTask))["task_id"]!.GetValue<string>());
        Assert.DoesNotContain(fixture.Receiver.Deliveries, d => d.Body?["task_id"]?.GetValue<string>() == fixture.PausedTask && d.ArrivedAt > fixture.Window.Down);
    }

    [Fact]
    public async Task NoRunStaysRunning()
    {
        foreach (var id in fixture.TaskIds)
        {
            await Poll.UntilAsync(() => Cluster.RunsAsync(id),
                runs => !runs.Any(r => r!["outcome"]!.GetValue<string>() == "running" && TaskPlacementView.StartedAt(r) < fixture.Window.Up),
                TimeSpan.FromSeconds(30), $"task {id} to have no run left running from before the database came back");
        }
    }

    [Fact]
    public async Task NoRoundSucceedsTwice()
    {
        var answeredTwice = fixture.Receiver.Answers.Where(a => a.Status == 200).GroupBy(a => a.RunId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(answeredTwice.Count == 0, $"rounds answered 200 twice: {string.Join(", ", answeredTwice.Take(5))}");
        foreach (var id in fixture.TaskIds)
        {
            var succeeded = (await Cluster.RunsAsync(id)).Where(r => r!["outcome"]!.GetValue<string>() == "succeeded").Select(r => r!["run_id"]!.GetValue<string>()).ToList();
            Assert.Equal(succeeded.Count, succeeded.Distinct().Count());
        }
    }

    [Fact]
    public async Task SlotsMissedDuringTheOutageAreCountedAsSkippedNotReplayed()
    {
        foreach (var id in fixture.TaskIds)
        {
            var runs = await Cluster.RunsAsync(id);
            var inOutage = runs.Where(r => r!["outcome"]!.GetValue<string>() != "skipped" && Scheduled(r!) > fixture.Window.Down.AddSeconds(2.5) && Scheduled(r!) < fixture.Window.Up)
                .Select(r => r!["round"]!.GetValue<long>()).Distinct().ToList();
            Assert.True(inOutage.Count <= 1, $"task {id} replayed {inOutage.Count} slots of the outage: {runs.ToJsonString()}");
            Assert.Contains(runs, r => r!["outcome"]!.GetValue<string>() == "skipped" && TaskPlacementView.StartedAt(r) >= fixture.Window.Up);
        }
    }

    private static DateTimeOffset Scheduled(JsonNode run) => DateTimeOffset.Parse(run["scheduled_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
}

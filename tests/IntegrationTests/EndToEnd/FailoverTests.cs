using System.Text.Json.Nodes;
using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.EndToEnd;

/// <summary>kill -9 of one of three silos under load (see <see cref="KilledSiloFixture"/>): one fact per guarantee.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FailoverTests(KilledSiloFixture fixture) : IClassFixture<KilledSiloFixture>
{
    private ClusterProcesses Cluster => fixture.Cluster;

    [Fact]
    public async Task EveryTaskCanBeFetchedByIdAfterTheKill()
    {
        foreach (var id in fixture.AllTasks)
        {
            var task = await Cluster.GetTaskAsync(id);
            Assert.Equal(id, task["task_id"]!.GetValue<string>());
        }
    }

    [Fact]
    public void EveryTaskFiresAgainWithinAMinuteOfTheKill()
    {
        var silent = fixture.AllTasks.Where(id => !fixture.FirstDeliveryAfterKill.ContainsKey(id)).ToList();
        var slowest = fixture.FirstDeliveryAfterKill.Values.DefaultIfEmpty(fixture.KilledAt).Max() - fixture.KilledAt;

        Assert.True(silent.Count == 0, $"{silent.Count} tasks never fired after the kill, e.g. {string.Join(", ", silent.Take(3))}");
        Assert.True(slowest <= KilledSiloFixture.FireAgainBound, $"the last task fired again {slowest.TotalSeconds:0.0} s after the kill");
    }

    [Fact]
    public async Task RunsInFlightOnTheKilledSiloAreAbandonedAndRetriedToSuccess()
    {
        Assert.NotEmpty(fixture.InFlightOnKilledSilo);
        foreach (var runId in fixture.InFlightOnKilledSilo)
        {
            var taskId = runId[..runId.LastIndexOf(':')];
            var history = await Poll.UntilAsync(
                () => Cluster.RunsAsync(taskId),
                runs => runs.Any(r => Is(r, runId, "succeeded")),
                KilledSiloFixture.SlowAnswer * 4, $"{runId} to be retried to success", Cluster.Logs);

            var abandoned = history.Single(r => Is(r, runId, "abandoned"));
            Assert.Equal(fixture.KilledSilo, abandoned!["silo"]!.GetValue<string>());
            var success = history.Single(r => Is(r, runId, "succeeded"));
            Assert.True(success!["attempt"]!.GetValue<int>() > abandoned["attempt"]!.GetValue<int>());
            Assert.NotEqual(fixture.KilledSilo, success["silo"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task ARunIdReachesTheReceiverTwiceOnlyIfItWasCutOffOnTheKilledSilo()
    {
        // A webhook the receiver answered just before the kill, whose answer the dying silo never
        // recorded, is sent again by the retry (with the same run id as its idempotency key): that
        // is the only way a run id may arrive twice.
        var repeated = fixture.Receiver.Deliveries.GroupBy(d => d.RunId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        foreach (var runId in repeated)
        {
            var history = await Cluster.RunsAsync(runId[..runId.LastIndexOf(':')]);
            Assert.True(
                history.Any(r => Is(r, runId, "abandoned") && r!["silo"]!.GetValue<string>() == fixture.KilledSilo),
                $"{runId} reached the receiver {fixture.Receiver.Deliveries.Count(d => d.RunId == runId)} times but no attempt of it was cut off on the killed silo: {history.ToJsonString()}");
            Assert.True(fixture.Receiver.Deliveries.Where(d => d.RunId == runId).Min(d => d.ArrivedAt) < fixture.KilledAt, $"{runId} first arrived after the kill");
        }
    }

    [Fact]
    public async Task EveryAttemptTheReceiverAnsweredIsInTheRunHistory()
    {
        // Answered before the kill, so their grains have long taken the results (or lost them with silo-1).
        var answered = fixture.Receiver.Answers.Where(a => a.Status == 200 && a.AnsweredAt < fixture.KilledAt).Select(a => a.RunId).ToHashSet(StringComparer.Ordinal);
        foreach (var task in answered.GroupBy(runId => runId[..runId.LastIndexOf(':')]))
        {
            var history = await Cluster.RunsAsync(task.Key);
            foreach (var runId in task)
            {
                Assert.True(
                    history.Any(r => Is(r, runId, "succeeded") || (Is(r, runId, "abandoned") && r!["silo"]!.GetValue<string>() == fixture.KilledSilo)),
                    $"{runId} was answered 200 but has no record: {history.ToJsonString()}");
            }
        }
    }

    [Fact]
    public async Task NoRoundSucceedsTwiceInTheHistory()
    {
        foreach (var id in fixture.AllTasks)
        {
            var succeeded = (await Cluster.RunsAsync(id)).Where(r => r!["outcome"]!.GetValue<string>() == "succeeded").Select(r => r!["run_id"]!.GetValue<string>()).ToList();
            Assert.Equal(succeeded.Count, succeeded.Distinct().Count());
        }
    }

    [Fact]
    public async Task TheRestartedSiloRunsExactlyTheTasksItOwns()
    {
        var silos = await Cluster.ActiveSilosAsync();
        Assert.Equal(3, silos.Count);
        var owners = TaskPlacementView.Owners(fixture.HookTasks, silos.Values);
        var since = DateTimeOffset.UtcNow;

        Dictionary<string, string?> ran = [];
        await Poll.UntilAsync(
            async () => TaskPlacementView.Misplaced(owners, ran = await TaskPlacementView.LatestRunSilosAsync(Cluster, fixture.HookTasks, since)).Length,
            misplaced => misplaced == 0, TimeSpan.FromSeconds(60), "every task to run on the silo that owns it",
            () => TaskPlacementView.Describe(owners, ran, silos));

        Assert.Contains(silos["silo-1"], ran.Values);
    }

    private static bool Is(JsonNode? run, string runId, string outcome) =>
        run!["run_id"]!.GetValue<string>() == runId && run["outcome"]!.GetValue<string>() == outcome;
}

using System.Text.Json.Nodes;
using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.EndToEnd;

/// <summary>A silo joins a loaded cluster and later leaves gracefully (see <see cref="ScaleOutFixture"/>).</summary>
[Collection(PostgresCollection.Name)]
public sealed class ScaleOutTests(ScaleOutFixture fixture) : IClassFixture<ScaleOutFixture>
{
    [Fact]
    public void AJoiningSiloTakesOverExactlyTheExistingTasksItOwns()
    {
        var misplaced = TaskPlacementView.Misplaced(fixture.OwnersWithBoth, fixture.RanAfterJoin);

        Assert.True(misplaced.Length == 0, TaskPlacementView.Describe(fixture.OwnersWithBoth, fixture.RanAfterJoin, fixture.BothSilos));
        Assert.Contains(fixture.BothSilos["silo-1"], fixture.RanAfterJoin.Values);
        Assert.Contains(fixture.BothSilos["silo-0"], fixture.RanAfterJoin.Values);
    }

    [Fact]
    public void AGracefulStopEndsTheProcessWithinItsHandOffWindow()
    {
        Assert.Equal(0, fixture.Stop.ExitCode);
        Assert.True(fixture.Stop.Took < TimeSpan.FromSeconds(30 + 30), $"the stop took {fixture.Stop.Took.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task RunsInFlightOnTheStoppingSiloFinishThere()
    {
        Assert.NotEmpty(fixture.InFlightAtStop);
        foreach (var runId in fixture.InFlightAtStop)
        {
            var history = await fixture.Cluster.RunsAsync(runId[..runId.LastIndexOf(':')]);
            var attempts = history.Where(r => r!["run_id"]!.GetValue<string>() == runId).ToList();
            var only = Assert.Single(attempts);
            Assert.Equal("succeeded", only!["outcome"]!.GetValue<string>());
            Assert.Equal(fixture.BothSilos["silo-1"], only["silo"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task NoRunIsAbandonedAndNoSlotIsSkipped()
    {
        foreach (var id in fixture.TaskIds)
        {
            var history = await fixture.Cluster.RunsAsync(id);
            var bad = history.Where(r => r!["outcome"]!.GetValue<string>() is "abandoned" or "skipped").ToList();
            Assert.True(bad.Count == 0, $"task {id}: {new JsonArray([.. bad.Select(b => b!.DeepClone())]).ToJsonString()}");
        }
    }

    [Fact]
    public async Task EveryRoundRunsOnceWithNoGapInTheRoundNumbers()
    {
        foreach (var id in fixture.TaskIds)
        {
            var rounds = (await fixture.Cluster.RunsAsync(id)).Where(r => r!["outcome"]!.GetValue<string>() == "succeeded")
                .Select(r => r!["round"]!.GetValue<long>()).Order().ToList();
            Assert.Equal(rounds.Count, rounds.Distinct().Count());
            Assert.Equal(rounds[^1] - rounds[0] + 1, rounds.Count);
        }

        var answeredTwice = fixture.Receiver.Answers.GroupBy(a => a.RunId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(answeredTwice.Count == 0, $"delivered and answered twice: {string.Join(", ", answeredTwice.Take(5))}");
    }

    [Fact]
    public void AfterTheStopTheRemainingSiloRunsEveryTask() =>
        Assert.All(fixture.TaskIds, id => Assert.Equal(fixture.BothSilos["silo-0"], fixture.RanAfterStop[id]));
}

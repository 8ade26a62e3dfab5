using Actors.Grains;
using Actors.GrainTests.Support;

namespace Actors.GrainTests;

/// <summary>The dispatcher switch is cluster-wide, so these tests run alone in their own cluster.</summary>
public sealed class DispatcherGrainTests : IClassFixture<ClusterFixture>
{
    private readonly ClusterFixture _fixture;

    public DispatcherGrainTests(ClusterFixture fixture) => _fixture = fixture;

    private IGrainFactory Grains => _fixture.Grains;

    [Fact]
    public async Task WhileStoppedNoRunStartsAndOnStartAnOverdueTaskRunsOnce()
    {
        var account = Specs.NewAccount();
        var created = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 2) with { MisfireGraceSeconds = 3600 });
        var task = Grains.GetTaskGrain(created.Task!.TaskId);

        var stopped = await Grains.GetDispatcherGrain().StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        var whileStopped = (await task.GetAsync())!;
        var started = await Grains.GetDispatcherGrain().StartAsync();
        var afterStart = await Eventually.WaitForAsync(async () => (await task.GetAsync())!, t => t.RoundNum >= 1, TimeSpan.FromSeconds(20), "the overdue run");

        Assert.False(stopped.IsRunning);
        Assert.Equal(0, whileStopped.RoundNum);
        Assert.True(started.IsRunning);
        var runs = (await Grains.RunsAsync(task.GetPrimaryKey()))!;
        var first = runs.Last(r => r.Outcome == RunOutcome.Succeeded);
        Assert.Equal(1, first.Round);
        Assert.True(afterStart.MissedRuns >= 1, "slots missed while stopped are counted");
        Assert.Contains(runs, r => r.Outcome == RunOutcome.Skipped);
    }

    [Fact]
    public async Task StatusCountsTasksPerStatus()
    {
        var before = await Grains.GetDispatcherGrain().GetStatusAsync();
        var first = Specs.NewAccount();
        var second = Specs.NewAccount();
        await Grains.GetAccountGrain(first).CreateTaskAsync(Specs.Interval(first, 3600));
        var paused = await Grains.GetAccountGrain(second).CreateTaskAsync(Specs.Interval(second, 3600));
        await Grains.GetTaskGrain(paused.Task!.TaskId).PauseAsync();

        var after = await Grains.GetDispatcherGrain().GetStatusAsync();

        Assert.Equal(before.Counts.Total + 2, after.Counts.Total);
        Assert.Equal(before.Counts.Paused + 1, after.Counts.Paused);
        Assert.Equal(before.Counts.Pending + 1, after.Counts.Pending);
    }
}

using Actors.Grains;
using Actors.Grains.Accounts;
using Actors.GrainTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Actors.GrainTests;

[Collection(ClusterCollection.Name)]
public sealed class AccountGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task TwentyConcurrentCreatesForOneAccountGiveExactlyOneTask()
    {
        var account = Specs.NewAccount();
        var results = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600))));

        var winners = results.Where(r => r.Succeeded).ToList();
        var winner = Assert.Single(winners);
        var refusals = results.Where(r => !r.Succeeded).ToList();
        Assert.Equal(19, refusals.Count);
        Assert.All(refusals, r =>
        {
            Assert.Equal(CommandOutcome.Conflict, r.Outcome);
            Assert.Equal(winner.Task!.TaskId, r.ConflictingTaskId);
            Assert.Contains(winner.Task.TaskId.ToString(), r.Message, StringComparison.Ordinal);
        });
        var tasks = await Grains.GetAccountGrain(account).GetTasksAsync();
        Assert.Equal(winner.Task!.TaskId, tasks.ActiveTaskId);
    }

    [Fact]
    public async Task DeletingTheActiveTaskFreesTheAccount()
    {
        var account = Specs.NewAccount();
        var first = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600));
        Assert.True(first.Succeeded);

        var deleted = await Grains.GetTaskGrain(first.Task!.TaskId).DeleteAsync();
        var second = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600));

        Assert.True(deleted.Succeeded);
        Assert.True(second.Succeeded);
        Assert.Null(await Grains.GetTaskGrain(first.Task.TaskId).GetAsync());
        Assert.Equal(second.Task!.TaskId, (await Grains.GetAccountGrain(account).GetTasksAsync()).ActiveTaskId);
    }

    [Fact]
    public async Task ACompletedTaskFreesTheAccountAndIsKeptAsFinished()
    {
        var account = Specs.NewAccount();
        var spec = Specs.Interval(account, 1, runImmediately: true) with
        {
            Schedule = new ScheduleSpec
            {
                Mode = ScheduleMode.Once,
                RunAt = DateTimeOffset.UtcNow.AddSeconds(1),
            },
        };
        var first = await Grains.GetAccountGrain(account).CreateTaskAsync(spec);
        Assert.True(first.Succeeded, first.Message);

        await Eventually.WaitForAsync(
            () => Grains.GetTaskGrain(first.Task!.TaskId).GetAsync(),
            t => t?.Status == ScheduledTaskStatus.Completed,
            TimeSpan.FromSeconds(30),
            "the one-off task to complete");
        var second = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600));

        Assert.True(second.Succeeded, second.Message);
        var tasks = await Grains.GetAccountGrain(account).GetTasksAsync();
        Assert.Equal(second.Task!.TaskId, tasks.ActiveTaskId);
        Assert.Equal([first.Task!.TaskId], tasks.FinishedTaskIds);
    }

    [Fact]
    public async Task AReservationLeftByACrashBeforeTheTaskExistedDoesNotBlockTheAccount()
    {
        var account = Specs.NewAccount();
        await SeedAccountStateAsync(account, new AccountState { ReservedTaskId = Guid.NewGuid() });

        var result = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600));

        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task AReservationLeftByACrashAfterTheTaskWasCreatedHoldsTheAccountForThatTask()
    {
        var account = Specs.NewAccount();
        var orphanId = Guid.NewGuid();
        Assert.True((await Grains.GetTaskGrain(orphanId).CreateAsync(Specs.Interval(account, 3600))).Succeeded);
        await SeedAccountStateAsync(account, new AccountState { ReservedTaskId = orphanId });

        var result = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600));

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Equal(orphanId, result.ConflictingTaskId);
    }

    [Fact]
    public async Task ATaskForAnotherAccountIsRefused()
    {
        var result = await Grains.GetAccountGrain("one").CreateTaskAsync(Specs.Interval("two", 60));

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Equal("account_id", Assert.Single(result.Errors).Field);
    }

    /// <summary>Writes account state straight into the silo's store, as a crashed create would have left it.</summary>
    private async Task SeedAccountStateAsync(string accountId, AccountState state)
    {
        var silo = fixture.Cluster.Primary as InProcessSiloHandle ?? throw new InvalidOperationException("The test cluster runs in process.");
        var storage = silo.SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var grainId = GrainId.Create("account", "account/" + accountId);
        await storage.WriteStateAsync("account", grainId, new GrainState<AccountState>(state));
    }
}

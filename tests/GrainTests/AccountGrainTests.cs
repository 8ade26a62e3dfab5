using System.Globalization;
using Actors.Grains;
using Actors.Grains.Accounts;
using Actors.GrainTests.Support;
using Orleans.Runtime;

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
        var spec = Specs.Interval(account, 1) with
        {
            ScheduleMode = "once",
            RunAt = DateTimeOffset.UtcNow.AddSeconds(1).ToString("O", CultureInfo.InvariantCulture),
        };
        var first = await Grains.GetAccountGrain(account).CreateTaskAsync(spec);
        Assert.True(first.Succeeded, first.Message);

        await Eventually.WaitForAsync(
            () => Grains.GetTaskGrain(first.Task!.TaskId).GetAsync(),
            t => t?.Status == ScheduledTaskStatus.Completed,
            TimeSpan.FromSeconds(30),
            "the one-off task to complete");
        var beforeCreate = await Grains.GetAccountGrain(account).GetTasksAsync();
        Assert.Null(beforeCreate.ActiveTaskId);
        Assert.Equal([first.Task!.TaskId], beforeCreate.FinishedTaskIds);
        var second = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600));

        Assert.True(second.Succeeded, second.Message);
        var tasks = await Grains.GetAccountGrain(account).GetTasksAsync();
        Assert.Equal(second.Task!.TaskId, tasks.ActiveTaskId);
        Assert.Equal([first.Task!.TaskId], tasks.FinishedTaskIds);
    }

    [Fact]
    public async Task ACrashBetweenReservingTheSlotAndCreatingTheTaskDoesNotBlockTheAccount()
    {
        var account = Specs.NewAccount();
        var crashing = Specs.Scripted(account, "unused", 3600) with { KwargsJson = "{\"script\":\"unused\",\"crash_on_create\":true}" };

        await Assert.ThrowsAnyAsync<Exception>(() => Grains.GetAccountGrain(account).CreateTaskAsync(crashing));
        var afterCrash = await Grains.GetAccountGrain(account).GetTasksAsync();
        var retried = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600));

        Assert.Null(afterCrash.ActiveTaskId);
        Assert.True(retried.Succeeded, retried.Message);
        Assert.Equal(retried.Task!.TaskId, (await Grains.GetAccountGrain(account).GetTasksAsync()).ActiveTaskId);
    }

    [Fact]
    public async Task ATaskSavedByACreateWhoseAccountWriteWasLostIsTheAccountsActiveTask()
    {
        // What a crash after the task grain's write and before the account grain's leaves behind.
        var account = Specs.NewAccount();
        var orphanId = TaskIds.For(account, 1);
        var orphan = await Grains.GetTaskGrain(orphanId).CreateAsync(Specs.IntervalSpec(account, 3600));
        Assert.True(orphan.Succeeded, orphan.Message);

        var again = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600));

        Assert.Equal(CommandOutcome.Conflict, again.Outcome);
        Assert.Equal(orphanId, again.ConflictingTaskId);
        Assert.Equal(orphanId, (await Grains.GetAccountGrain(account).GetTasksAsync()).ActiveTaskId);
    }

    [Fact]
    public async Task AnAccountThatDidNotWriteItsFirstCreateStillKnowsItsTaskAfterReactivation()
    {
        // A create leaves the account unwritten when the stored count is only one id behind.
        var account = Specs.NewAccount();
        var created = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600));
        Assert.True(created.Succeeded, created.Message);

        await DeactivateAsync(account);
        var view = await Grains.GetAccountGrain(account).GetTasksAsync();
        var again = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600));

        Assert.Equal(created.Task!.TaskId, view.ActiveTaskId);
        Assert.Equal(CommandOutcome.Conflict, again.Outcome);
        Assert.Equal(created.Task.TaskId, again.ConflictingTaskId);
    }

    [Fact]
    public async Task AfterUnwrittenCreatesTheAccountListsItsTasksAndHandsOutFreshIds()
    {
        var account = Specs.NewAccount();
        var first = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600));
        Assert.True((await Grains.GetTaskGrain(first.Task!.TaskId).DeleteAsync()).Succeeded);
        var second = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600));
        Assert.True((await Grains.GetTaskGrain(second.Task!.TaskId).DeleteAsync()).Succeeded);
        var third = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600));
        Assert.True(third.Succeeded, third.Message);

        await DeactivateAsync(account);
        var view = await Grains.GetAccountGrain(account).GetTasksAsync();
        Assert.True((await Grains.GetTaskGrain(third.Task!.TaskId).DeleteAsync()).Succeeded);
        await DeactivateAsync(account);
        var fourth = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600));

        Assert.Equal(third.Task.TaskId, view.ActiveTaskId);
        Assert.True(fourth.Succeeded, fourth.Message);
        Assert.Equal(TaskIds.For(account, 4), fourth.Task!.TaskId);
        Assert.Equal(fourth.Task.TaskId, (await Grains.GetAccountGrain(account).GetTasksAsync()).ActiveTaskId);
    }

    [Fact]
    public async Task ADeletedTasksIdIsNeverHandedOutAgain()
    {
        var account = Specs.NewAccount();
        var orphanId = TaskIds.For(account, 1);
        Assert.True((await Grains.GetTaskGrain(orphanId).CreateAsync(Specs.IntervalSpec(account, 3600))).Succeeded);
        Assert.True((await Grains.GetTaskGrain(orphanId).DeleteAsync()).Succeeded);

        var created = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600));
        var recreate = await Grains.GetTaskGrain(orphanId).CreateAsync(Specs.IntervalSpec(account, 3600));

        Assert.True(created.Succeeded, created.Message);
        Assert.Equal(TaskIds.For(account, 2), created.Task!.TaskId);
        Assert.Equal(CommandOutcome.Conflict, recreate.Outcome);
        Assert.Null(await Grains.GetTaskGrain(orphanId).GetAsync());
    }

    private Task DeactivateAsync(string account) => Activations.DeactivateAsync(Grains, Grains.GetAccountGrain(account));

    [Fact]
    public async Task ATaskForAnotherAccountIsRefused()
    {
        var result = await Grains.GetAccountGrain("one").CreateTaskAsync(Specs.Interval("two", 60));

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Equal("account_id", Assert.Single(result.Errors).Field);
    }
}

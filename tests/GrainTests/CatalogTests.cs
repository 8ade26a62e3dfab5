using Actors.Grains;
using Actors.GrainTests.Support;

namespace Actors.GrainTests;

[Collection(ClusterCollection.Name)]
public sealed class CatalogTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task ListingFiltersByAccountAndStatusAndReportsTheTrueTotal()
    {
        var account = Specs.NewAccount();
        var created = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600));

        var byAccount = await Grains.GetTaskQueryGrain().ListAsync(new TaskQuery { AccountId = account });
        var pendingOfAccount = await Grains.GetTaskQueryGrain().ListAsync(new TaskQuery { AccountId = account, Status = ScheduledTaskStatus.Pending });
        var pausedOfAccount = await Grains.GetTaskQueryGrain().ListAsync(new TaskQuery { AccountId = account, Status = ScheduledTaskStatus.Paused });
        var firstPage = await Grains.GetTaskQueryGrain().ListAsync(new TaskQuery { Limit = 1 });

        Assert.Equal(1, byAccount.Total);
        Assert.Equal(created.Task!.TaskId, Assert.Single(byAccount.Tasks).TaskId);
        Assert.Equal(1, pendingOfAccount.Total);
        Assert.Equal(0, pausedOfAccount.Total);
        Assert.Single(firstPage.Tasks);
        Assert.True(firstPage.Total >= 1);
    }

    [Fact]
    public async Task ADeletedTaskLeavesTheCatalog()
    {
        var account = Specs.NewAccount();
        var created = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600));

        await Grains.GetTaskGrain(created.Task!.TaskId).DeleteAsync();
        var page = await Grains.GetTaskQueryGrain().ListAsync(new TaskQuery { AccountId = account });

        Assert.Equal(0, page.Total);
        Assert.Empty(page.Tasks);
    }
}

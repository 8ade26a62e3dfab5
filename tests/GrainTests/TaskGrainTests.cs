using Actors.Grains;
using Actors.Grains.Accounts;
using Actors.Grains.Placement;
using Actors.Grains.Tasks;
using Actors.Grains.Tasks.Stored;
using Actors.GrainTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Actors.GrainTests;

[Collection(ClusterCollection.Name)]
public sealed class TaskGrainTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public void ATaskGrainsIdIsTheOneItsPlacementHashes()
    {
        var id = Guid.NewGuid();

        Assert.Equal(Grains.GetTaskGrain(id).GetGrainId(), TaskOwners.GrainIdOf(id));
    }

    [Fact]
    public async Task AnIntervalTaskFiresRepeatedlyAndRecordsEachRun()
    {
        var task = await CreateAsync(Specs.Interval(Specs.NewAccount(), 1));

        var info = await WaitForAsync(task, t => t.RoundNum >= 3, "three rounds");
        var runs = (await Grains.RunsAsync(task))!;

        Assert.True(info.LastExecutionTime is not null);
        Assert.True(info.NextExecutionTime > info.LastExecutionTime);
        var succeeded = runs.Where(r => r.Outcome == RunOutcome.Succeeded).ToList();
        Assert.True(succeeded.Count >= 3);
        Assert.Equal(succeeded.Select(r => r.RunId).Distinct().Count(), succeeded.Count);
        Assert.All(succeeded, r => Assert.Equal($"{task}:{r.Round}", r.RunId));
        Assert.True(runs[0].StartedAt >= runs[^1].StartedAt, "history is newest first");
    }

    [Fact]
    public async Task SlotsAreAnchoredToTheScheduleNotToWhenRunsFinished()
    {
        var task = await CreateAsync(Specs.Interval(Specs.NewAccount(), 1));

        await WaitForAsync(task, t => t.RoundNum >= 4, "four rounds");
        var runs = (await Grains.RunsAsync(task))!
            .Where(r => r.Outcome == RunOutcome.Succeeded).OrderBy(r => r.Round).ToList();

        // Every slot is on the 1-s grid of the first, whenever its run finished. A slot that came due
        // while the machine was too busy may be skipped (misfire), so a gap is a whole number of seconds.
        for (var i = 1; i < runs.Count; i++)
        {
            var gap = runs[i].ScheduledAt - runs[i - 1].ScheduledAt;
            Assert.True(gap >= TimeSpan.FromSeconds(1) && gap.Ticks % TimeSpan.TicksPerSecond == 0, $"slot {runs[i].ScheduledAt:O} is {gap} after the one before");
        }
    }

    [Fact]
    public async Task PauseStopsRunsAndResumeSchedulesTheFirstSlotAtOrAfterNow()
    {
        var grain = Grains.GetTaskGrain(await CreateAsync(Specs.Interval(Specs.NewAccount(), 1)));
        await WaitForAsync(grain.GetPrimaryKey(), t => t.RoundNum >= 1, "a first round");

        var paused = await grain.PauseAsync();
        var roundsAtPause = (await WaitForAsync(grain.GetPrimaryKey(), t => t.RunningSince is null, "the run in flight to end")).RoundNum;
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var whilePaused = (await grain.GetAsync())!;
        var before = DateTimeOffset.UtcNow;
        var resumed = await grain.ResumeAsync();

        Assert.Equal(ScheduledTaskStatus.Paused, paused.Task!.Status);
        Assert.Null(paused.Task.NextExecutionTime);
        Assert.Equal(roundsAtPause, whilePaused.RoundNum);
        Assert.Equal(ScheduledTaskStatus.Pending, resumed.Task!.Status);
        Assert.True(resumed.Task.NextExecutionTime >= before.AddMilliseconds(-50), $"next {resumed.Task.NextExecutionTime:O} is before resume {before:O}");
        await WaitForAsync(grain.GetPrimaryKey(), t => t.RoundNum > roundsAtPause, "a round after resume");
    }

    [Fact]
    public async Task ReorderMovesTheNextRunAndRefusesWhileRunning()
    {
        var key = Guid.NewGuid().ToString();
        var script = ScriptedExecutor.For(key);
        script.Block = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var spec = Specs.Scripted(Specs.NewAccount(), key, 3600);
        var grain = Grains.GetTaskGrain(await CreateAsync(spec));
        var before = (await grain.GetAsync())!.NextExecutionTime!.Value;

        var later = await grain.ReorderAsync(600);
        var asap = await grain.ReorderAsync(-100_000);
        await WaitForAsync(grain.GetPrimaryKey(), t => t.Status == ScheduledTaskStatus.Running, "the reordered run to start");
        var whileRunning = await grain.ReorderAsync(60);
        script.Block.SetResult();

        Assert.Equal(before.AddSeconds(600), later.Task!.NextExecutionTime);
        Assert.True(asap.Succeeded);
        Assert.Equal(CommandOutcome.Conflict, whileRunning.Outcome);
        await WaitForAsync(grain.GetPrimaryKey(), t => t.RoundNum == 1, "the run to finish");
    }

    [Fact]
    public async Task ARunInFlightDoesNotBlockStatusPauseOrDelete()
    {
        var key = Guid.NewGuid().ToString();
        var script = ScriptedExecutor.For(key);
        script.Block = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var grain = Grains.GetTaskGrain(await CreateAsync(Specs.Scripted(Specs.NewAccount(), key, 3600)));
        Assert.True((await grain.RunNowAsync()).Succeeded);

        var running = await grain.GetAsync().WaitAsync(TimeSpan.FromSeconds(5));
        var paused = await grain.PauseAsync().WaitAsync(TimeSpan.FromSeconds(5));
        var deleted = await grain.DeleteAsync().WaitAsync(TimeSpan.FromSeconds(5));
        script.Block.SetResult();

        Assert.Equal(ScheduledTaskStatus.Running, running!.Status);
        Assert.Equal(ScheduledTaskStatus.Paused, paused.Task!.Status);
        Assert.True(deleted.Succeeded);
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task AFailedAttemptIsRetriedAndTheRoundSucceedsOnce()
    {
        var key = Guid.NewGuid().ToString();
        var script = ScriptedExecutor.For(key);
        script.FailuresLeft = 2;
        var grain = Grains.GetTaskGrain(await CreateAsync(Specs.Scripted(Specs.NewAccount(), key, 3600, maxRetries: 3)));

        await grain.RunNowAsync();
        var info = await WaitForAsync(grain.GetPrimaryKey(), t => t.RoundNum == 1, "the round to finish");
        var runs = (await Grains.RunsAsync(grain.GetPrimaryKey()))!;

        Assert.Equal(1, info.RoundNum);
        Assert.Equal(0, info.ConsecutiveFailures);
        Assert.Equal([RunOutcome.Succeeded, RunOutcome.Failed, RunOutcome.Failed], runs.Select(r => r.Outcome));
        Assert.Equal([3, 2, 1], runs.Select(r => r.Attempt));
        Assert.All(runs, r => Assert.Equal($"{grain.GetPrimaryKey()}:1", r.RunId));
    }

    [Fact]
    public async Task TooManyFailedRoundsPutTheTaskInErrorUntilResumed()
    {
        var key = Guid.NewGuid().ToString();
        var script = ScriptedExecutor.For(key);
        script.FailuresLeft = 1000;
        var grain = Grains.GetTaskGrain(await CreateAsync(Specs.Scripted(Specs.NewAccount(), key, 1, maxFailures: 2)));

        var failed = await WaitForAsync(grain.GetPrimaryKey(), t => t.Status == ScheduledTaskStatus.Error, "the task to go to error");
        script.FailuresLeft = 0;
        var resumed = await grain.ResumeAsync();

        Assert.Equal(2, failed.ConsecutiveFailures);
        Assert.Null(failed.NextExecutionTime);
        Assert.Equal(ScheduledTaskStatus.Pending, resumed.Task!.Status);
        Assert.Equal(0, resumed.Task.ConsecutiveFailures);
        await WaitForAsync(grain.GetPrimaryKey(), t => t.LastRun?.Outcome == RunOutcome.Succeeded, "a successful round after resume");
    }

    [Fact]
    public async Task ASlotThatComesDueWhileTheRunIsInFlightIsSkipped()
    {
        var key = Guid.NewGuid().ToString();
        var script = ScriptedExecutor.For(key);
        script.Block = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var grain = Grains.GetTaskGrain(await CreateAsync(Specs.Scripted(Specs.NewAccount(), key, 1)));

        var info = await WaitForAsync(grain.GetPrimaryKey(), t => t.MissedRuns >= 2, "slots to be skipped during the run");
        script.Block.SetResult();
        var runs = (await Grains.RunsAsync(grain.GetPrimaryKey()))!;

        Assert.Equal(ScheduledTaskStatus.Running, info.Status);
        Assert.Contains(runs, r => r.Outcome == RunOutcome.Skipped && r.Error!.Contains("still in flight", StringComparison.Ordinal));
        Assert.Single(script.Calls, c => c.Round == 1);
    }

    [Fact]
    public async Task WithQueueOneTheFirstSlotDueDuringARunRunsRightAfterItAndLaterOnesAreSkipped()
    {
        var key = Guid.NewGuid().ToString();
        var script = ScriptedExecutor.For(key);
        script.Block = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var grain = Grains.GetTaskGrain(await CreateAsync(Specs.Scripted(Specs.NewAccount(), key, 1, overlap: "queue_one")));

        // Round 1 blocks; its next slot is queued, the ones after it are skipped.
        var blocked = await WaitForAsync(grain.GetPrimaryKey(), t => t.MissedRuns >= 2, "slots to come due during the run");
        script.Block.SetResult();
        await WaitForAsync(grain.GetPrimaryKey(), t => t.RoundNum >= 2, "the queued round");
        var runs = (await Grains.RunsAsync(grain.GetPrimaryKey()))!;
        var first = runs.Single(r => r.Round == 1 && r.Outcome == RunOutcome.Succeeded);
        var queued = runs.Single(r => r.Round == 2 && r.Outcome != RunOutcome.Running);

        Assert.Equal(ScheduledTaskStatus.Running, blocked.Status);
        Assert.Equal(RunTrigger.Queued, queued.Trigger);
        Assert.Equal(first.ScheduledAt.AddSeconds(1), queued.ScheduledAt);
        Assert.True(queued.StartedAt >= first.FinishedAt, "the queued round starts after the first one finished");
        Assert.Contains(runs, r => r.Outcome == RunOutcome.Skipped && r.Error!.Contains("still in flight", StringComparison.Ordinal));
        Assert.Single(script.Calls, c => c.Round == 1);
        Assert.Single(script.Calls, c => c.Round == 2);
    }

    [Fact]
    public async Task AWakeUpBeyondTheTimerHorizonGetsAReminderTickExactlyThen()
    {
        // An hourly task moved 10 minutes earlier: its old reminder would tick 10 minutes late, and
        // a grain timer would not outlive the idle activation, so the reminder itself must move.
        var grain = Grains.GetTaskGrain(await CreateAsync(Specs.Interval(Specs.NewAccount(), 3600)));
        var moved = await grain.ReorderAsync(-600);
        var next = moved.Task!.NextExecutionTime!.Value;
        var silo = Assert.IsType<InProcessSiloHandle>(fixture.Cluster.Primary);
        var reminders = silo.SiloHost.Services.GetRequiredService<IReminderTable>();
        var entry = await reminders.ReadRow(grain.GetGrainId(), "run");

        Assert.NotNull(entry);
        var ticksToNext = (next.UtcDateTime - entry.StartAt) / entry.Period;
        Assert.True(ticksToNext > -0.001 && Math.Abs(ticksToNext - Math.Round(ticksToNext)) * entry.Period < TimeSpan.FromSeconds(1),
            $"the reminder ticks at {entry.StartAt:O} every {entry.Period}, not at the next run {next:O}");
    }

    [Fact]
    public async Task UnknownTasksAnswerNotFound()
    {
        var grain = Grains.GetTaskGrain(Guid.NewGuid());

        Assert.Null(await grain.GetAsync());
        Assert.Equal(CommandOutcome.NotFound, (await grain.PauseAsync()).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await grain.ResumeAsync()).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await grain.ReorderAsync(10)).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await grain.DeleteAsync()).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await grain.RunNowAsync()).Outcome);
    }

    [Fact]
    public async Task AnInvalidRequestIsRefusedWithEveryProblemTheUnknownExecutorIncluded()
    {
        var account = Specs.NewAccount();
        var request = Specs.Interval(account, -5) with { TimeZone = "Mars/Olympus", Executor = "nope" };

        var result = await Grains.GetAccountGrain(account).CreateTaskAsync(request);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Equal(["interval", "time_zone", "executor"], result.Errors.Select(e => e.Field));
        Assert.Null((await Grains.GetAccountGrain(account).GetTasksAsync()).ActiveTaskId);
    }

    [Fact]
    public async Task StateWrittenWithTheSpecInsideLoadsAndMovesTheSpecToItsOwnRow()
    {
        var id = Guid.NewGuid();
        var grainId = Grains.GetTaskGrain(id).GetGrainId();
        var storage = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var spec = Specs.IntervalSpec(Specs.NewAccount(), 3600) with { Name = "written before" };
        var legacy = new TaskState
        {
            Exists = true, TaskId = id, Spec = spec.ToStored(), Status = ScheduledTaskStatus.Paused, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, Version = 7,
        };
        await storage.WriteStateAsync("task", grainId, new GrainState<TaskState>(legacy));

        var info = await Grains.GetTaskGrain(id).GetAsync();

        Assert.Equal("written before", info!.Spec.Name);
        Assert.Equal(ScheduledTaskStatus.Paused, info.Status);
        var specRow = new GrainState<StoredSpec>();
        await storage.ReadStateAsync("taskspec", grainId, specRow);
        Assert.True(specRow.RecordExists);
        Assert.Equal("written before", specRow.State!.Name);
        var stateRow = new GrainState<TaskState>();
        await storage.ReadStateAsync("task", grainId, stateRow);
        Assert.Null(stateRow.State!.Spec);
        Assert.Equal(7, stateRow.State.Version);
    }

    [Fact]
    public async Task ASpecRowLeftByACreateCutOffBeforeItsStateIsTakenOverByTheNextCreate()
    {
        // A create writes the spec row, then the state; a crash between them leaves the row alone.
        var account = Specs.NewAccount();
        var id = TaskIds.For(account, 1);
        var storage = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var left = Specs.IntervalSpec(account, 3600) with { Name = "cut off" };
        await storage.WriteStateAsync("taskspec", Grains.GetTaskGrain(id).GetGrainId(), new GrainState<StoredSpec>(left.ToStored()));

        var created = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600) with { Name = "created" });

        Assert.True(created.Succeeded, created.Message);
        Assert.Equal(id, created.Task!.TaskId);
        Assert.Equal("created", (await Grains.GetTaskGrain(id).GetAsync())!.Spec.Name);
    }

    [Fact]
    public async Task ACreateThatFindsADeletedTasksStateLeavesNoSpecRowAndNoReminderThere()
    {
        // The account's next id holds a tombstone and no task activation: the create does not read
        // the state, writes its spec row and reminder, finds the tombstone, and takes them back.
        var account = Specs.NewAccount();
        var spent = TaskIds.For(account, 1);
        var grainId = Grains.GetTaskGrain(spent).GetGrainId();
        await Storage.WriteStateAsync("task", grainId, new GrainState<TaskState>(new TaskState { TaskId = spent, Deleted = true, Version = 3, UpdatedAt = DateTimeOffset.UtcNow }));

        var created = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600));

        Assert.True(created.Succeeded, created.Message);
        Assert.Equal(TaskIds.For(account, 2), created.Task!.TaskId);
        var specRow = new GrainState<StoredSpec>();
        await Storage.ReadStateAsync("taskspec", grainId, specRow);
        Assert.False(specRow.RecordExists);
        Assert.Null(await Reminders.ReadRow(grainId, TaskWakeUps.ReminderName));
        Assert.Null(await Grains.GetTaskGrain(spent).GetAsync());
    }

    [Fact]
    public async Task ACreateThatFindsAStoredTaskWithItsSpecInsideItsStateGivesItsSpecAndReminderBack()
    {
        var account = Specs.NewAccount();
        var taken = TaskIds.For(account, 1);
        var grainId = Grains.GetTaskGrain(taken).GetGrainId();
        var now = DateTimeOffset.UtcNow;
        var legacy = new TaskState
        {
            Exists = true, TaskId = taken, Spec = (Specs.IntervalSpec(account, 3600) with { Name = "written before" }).ToStored(),
            Status = ScheduledTaskStatus.Pending, NextRunAt = now.AddHours(1), CreatedAt = now, UpdatedAt = now, Version = 2,
        };
        await Storage.WriteStateAsync("task", grainId, new GrainState<TaskState>(legacy));

        var again = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 60) with { Name = "the new one" });

        Assert.Equal(CommandOutcome.Conflict, again.Outcome);
        Assert.Equal(taken, again.ConflictingTaskId);
        Assert.Equal("written before", (await Grains.GetTaskGrain(taken).GetAsync())!.Spec.Name);
        var specRow = new GrainState<StoredSpec>();
        await Storage.ReadStateAsync("taskspec", grainId, specRow);
        Assert.Equal("written before", specRow.State!.Name);
        var reminder = await Reminders.ReadRow(grainId, TaskWakeUps.ReminderName);
        Assert.NotNull(reminder);
        Assert.NotEqual(TimeSpan.FromSeconds(60), reminder.Period);
    }

    [Fact]
    public async Task ACreateThatFindsAStoredTaskWithNoActivationLeavesItAsItWas()
    {
        // The account wrote nothing for its first create; with neither grain active, its next create
        // goes to the same id without reading the task's state and meets the stored spec row.
        var account = Specs.NewAccount();
        var created = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 3600) with { Name = "first" });
        Assert.True(created.Succeeded, created.Message);
        var id = created.Task!.TaskId;
        var reminderBefore = await Reminders.ReadRow(Grains.GetTaskGrain(id).GetGrainId(), TaskWakeUps.ReminderName);
        await Activations.DeactivateAsync(Grains, Grains.GetTaskGrain(id));
        await Activations.DeactivateAsync(Grains, Grains.GetAccountGrain(account));

        var again = await Grains.GetAccountGrain(account).CreateTaskAsync(Specs.Interval(account, 60) with { Name = "second" });

        Assert.Equal(CommandOutcome.Conflict, again.Outcome);
        Assert.Equal(id, again.ConflictingTaskId);
        Assert.Equal("first", (await Grains.GetTaskGrain(id).GetAsync())!.Spec.Name);
        var reminderAfter = await Reminders.ReadRow(Grains.GetTaskGrain(id).GetGrainId(), TaskWakeUps.ReminderName);
        Assert.NotNull(reminderBefore);
        Assert.NotNull(reminderAfter);
        Assert.Equal((reminderBefore.StartAt, reminderBefore.Period), (reminderAfter.StartAt, reminderAfter.Period));
    }

    [Fact]
    public async Task ATaskWhoseFirstRunIsBeyondTheTimersHorizonLeavesMemoryAfterItsCreateAndStillAnswers()
    {
        var id = await CreateAsync(Specs.Interval(Specs.NewAccount(), 3600));
        var grain = Grains.GetTaskGrain(id);

        await Activations.WaitUntilGoneAsync(Grains, grain, "the new task to leave memory");
        var info = await grain.GetAsync();

        Assert.Equal(ScheduledTaskStatus.Pending, info!.Status);
        Assert.NotNull(info.NextExecutionTime);
        Assert.NotNull(await Reminders.ReadRow(grain.GetGrainId(), TaskWakeUps.ReminderName));
    }

    private IGrainStorage Storage => ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);

    private IReminderTable Reminders => ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<IReminderTable>();

    private async Task<Guid> CreateAsync(CreateTaskRequest request)
    {
        var result = await Grains.GetAccountGrain(request.AccountId!).CreateTaskAsync(request);
        Assert.True(result.Succeeded, result.Message);
        return result.Task!.TaskId;
    }

    private Task<TaskInfo> WaitForAsync(Guid taskId, Func<TaskInfo, bool> until, string what) =>
        Eventually.WaitForAsync(async () => (await Grains.GetTaskGrain(taskId).GetAsync())!, until, Deadline, what);
}

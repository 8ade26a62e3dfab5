using Actors.Grains.Execution;
using Actors.Grains.Placement;
using Actors.Grains.Scheduling;
using Actors.Grains.Tasks.Stored;
using Microsoft.Extensions.Logging;
using Orleans.Core.Internal;
using Orleans.Runtime;

namespace Actors.Grains.Tasks;

/// <summary>
/// One task: its state, its wake-ups, its runs. The decisions are pure types (<see cref="DuePlanner"/>,
/// <see cref="AttemptConclusion"/>, <see cref="WakeTiming"/>, <see cref="InFlightCheck"/>,
/// <see cref="ScheduleChanges"/>); the grain wires them to storage, the reminder and timers.
/// Attempts run on the thread pool and report back through <see cref="ITaskRunSink"/>, so the grain
/// answers while a run is in flight. Run records go to the run history in batches and wait in the
/// state until the history has them.
/// </summary>
[GrainType("task")]
[TaskPlacement]
internal sealed partial class TaskGrain(
    [PersistentState("task", StorageNames.Default)] IPersistentState<TaskState> store,
    [PersistentState("taskspec", StorageNames.Default)] IPersistentState<StoredSpec> specStore,
    TaskServices services,
    ILogger<TaskGrain> logger) : Grain, ITaskGrain, ITaskRunSink, ITaskRelocation, IRemindable
{
    private TaskWakeUps _wakeUps = null!;
    private RunRecordHandOver _records = null!;
    private TaskSpec? _spec;
    private CancellationTokenSource? _attempt;
    private bool _relocateAfterRun;
    private bool _unsaved;
    private bool _discard;
    private bool _lastRunLookedUp;

    private TaskState State => store.State;

    private Guid Id => this.GetPrimaryKey();

    /// <summary>Now, in whole milliseconds: the run history stores microseconds and finds an attempt by its start.</summary>
    private DateTimeOffset Now
    {
        get
        {
            var now = services.Clock.GetUtcNow();
            return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        }
    }

    private TaskSpec Spec => _spec ??= specStore.State.ToWire();

    /// <summary>
    /// The time of a change: now, but always later than the last one, since the catalog orders a
    /// task's writes by it (a delete in the same millisecond as the create must still win).
    /// </summary>
    private DateTimeOffset NextChangeTime() => Now > State.UpdatedAt ? Now : State.UpdatedAt.AddMilliseconds(1);

    private NextRunCalculator Calculator => new(Spec.Schedule);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _wakeUps = new TaskWakeUps(this, () => WakeAsync(repairCatalog: false), CheckInFlightAsync, services, logger);
        _records = new RunRecordHandOver(Id, services);
        services.LocalTasks.Add(this.GetGrainId());
        if (!State.Exists)
        {
            return;
        }

        if (State.Spec is { } legacy)
        {
            // State written before the spec had a row of its own: move the spec there, once.
            if (!specStore.RecordExists)
            {
                specStore.State = legacy;
                await specStore.WriteStateAsync(cancellationToken);
            }

            State.Spec = null;
            await store.WriteStateAsync(cancellationToken);
        }

        if (State.InFlight is { } run && !services.LocalAttempts.Contains(run.RunId, run.Attempt) && !await ReconcileAsync(run))
        {
            // At once: an attempt of a silo that died is abandoned (and retried) without delay.
            _wakeUps.ArmWatchdog(TimeSpan.Zero);
        }

        // A task that moved here or came back after deactivation picks its wake-up timer up again.
        if (NextWake() is { } wake && wake - Now <= WakeTiming.TimerHorizon)
        {
            _wakeUps.ArmTimer(wake > Now ? wake - Now : TimeSpan.Zero);
        }

        if (State.Status is ScheduledTaskStatus.Pending or ScheduledTaskStatus.Running)
        {
            services.Catalog.Post(Info(), services.Host, whole: true);
        }

        _records.HandOver(State, Spec.AccountId);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        services.LocalTasks.Remove(this.GetGrainId());

        // Rounds that ended since the last write are in the run history already; saving them here
        // spares the next activation looking them up. Migration carries the state along.
        if (_unsaved && !_discard && State.Exists && reason.ReasonCode != DeactivationReasonCode.Migrating)
        {
            try
            {
                await store.WriteStateAsync(cancellationToken);
            }
            catch (Exception ex)
            {
                LogSaveOnDeactivationFailed(ex, Id);
            }
        }

        if (State.Exists && !_discard && !services.Departures.IsLeaving && DirectoryLossWakeUps.Applies(reason))
        {
            services.DirectoryLossWakeUps.WakeSoon(Id);
        }
    }

    /// <summary>Creates the task from a spec the account grain has validated (<see cref="Validation.TaskSpecBuilder"/>).</summary>
    public async Task<CommandResult> CreateAsync(TaskSpec spec)
    {
        if (State.Exists || State.Deleted)
        {
            return CommandResult.Conflict(State.Exists ? $"Task '{Id}' already exists." : $"Task id '{Id}' belonged to a deleted task and is not used again.", State.Exists ? Info() : null);
        }

        var now = Now;
        if (new NextRunCalculator(spec.Schedule).First(now) is not { } first)
        {
            return CommandResult.Invalid([new FieldError("task_end_time", "The task would end before its first run; give a later task_end_time or an earlier start.")]);
        }

        // The spec first: state that says the task exists always finds its spec.
        _spec = spec;
        specStore.State = spec.ToStored();
        await specStore.WriteStateAsync();
        store.State = new TaskState { Exists = true, TaskId = Id, Status = ScheduledTaskStatus.Pending, NextRunAt = first, CreatedAt = now };
        await PersistAsync(awaitCatalog: true);
        return CommandResult.Ok("Task created.", Info());
    }

    public async Task<TaskInfo?> GetAsync()
    {
        if (!State.Exists)
        {
            return null;
        }

        if (State.LastRun is null && !_lastRunLookedUp && (State.RoundNum > 0 || State.MissedRuns > 0))
        {
            // The last run is not in the stored state: an activation finds it in the run history.
            _lastRunLookedUp = true;
            var newest = (await services.History.ListAsync(new RunQuery { TaskId = Id, Limit = 1 })).Runs.FirstOrDefault();
            State.LastRun ??= newest?.ToStored().Summary();
        }

        return Info();
    }

    public Task<RunRecord[]?> GetLiveRunsAsync() => Task.FromResult<RunRecord[]?>(!State.Exists ? null :
        [.. State.PendingRuns.Prepend(State.InFlight is { } run ? RunRecords.Running(run) : null).OfType<StoredRun>()
            .OrderByDescending(r => r.StartedAt).Select(r => r.ToWire(Id))]);

    public async Task<CommandResult> DeleteAsync()
    {
        if (!State.Exists)
        {
            return CommandResult.NotFound(Id);
        }

        var info = Info();
        _attempt?.Cancel();
        var version = State.Version + 1;
        var unwritten = State.PendingRuns;

        // A tombstone rather than no row: the id stays spent (see AccountGrain).
        store.State = new TaskState { TaskId = Id, Deleted = true, Version = version, UpdatedAt = NextChangeTime(), PendingRuns = unwritten };
        await store.WriteStateAsync();
        await _wakeUps.UnregisterAsync(State);
        await services.Catalog.RemoveAsync(Id, State.UpdatedAt);
        await ClearSpecAsync();
        await ReleaseAccountAsync(info.Spec.AccountId);
        DeactivateOnIdle();
        return CommandResult.Ok("Task deleted.", info);
    }

    public async Task<CommandResult> PauseAsync()
    {
        if (TaskCommandRules.Pause(State, Id, Info) is { } answer)
        {
            return answer;
        }

        ScheduleChanges.Pause(State);
        await PersistAsync(awaitCatalog: true);
        return CommandResult.Ok("Task paused.", Info());
    }

    public async Task<CommandResult> ResumeAsync()
    {
        if (TaskCommandRules.Resume(State, Id, Info) is { } answer)
        {
            return answer;
        }

        ScheduleChanges.Resume(State, Calculator, Now);
        await PersistAsync(awaitCatalog: true);
        return CommandResult.Ok(State.Status != ScheduledTaskStatus.Completed ? "Task resumed." : "Task resumed, but its schedule has ended: it is completed.", Info());
    }

    public async Task<CommandResult> ReorderAsync(long offsetSeconds)
    {
        if (TaskCommandRules.Reorder(State, Id, offsetSeconds, Info) is { } answer)
        {
            return answer;
        }

        State.NextRunAt = ScheduleChanges.Reorder(State.NextRunAt!.Value, offsetSeconds, Calculator, Now);
        State.Retry = null;
        await PersistAsync(awaitCatalog: true);
        return CommandResult.Ok("Task reordered.", Info());
    }

    public async Task<CommandResult> RunNowAsync()
    {
        var refusal = TaskCommandRules.RunNow(State, Id, Info)
            ?? (!await services.Dispatcher.IsRunningAsync() ? CommandResult.Conflict("The dispatcher is stopped; start it to run tasks.", Info()) : null);
        if (refusal is not null)
        {
            return refusal;
        }

        await StartAttemptAsync(State.RoundNum + 1, 1, Now, RunTrigger.Manual);
        return CommandResult.Ok("Run started.", Info());
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => string.Equals(reminderName, TaskWakeUps.ReminderName, StringComparison.Ordinal)
        ? WakeAsync(repairCatalog: false)
        : throw new InvalidOperationException($"Task grain has no reminder named '{reminderName}'.");

    /// <summary>The dispatcher, the overdue sweep or a dead silo's sweep: run what is due, or line the wake-up up again.</summary>
    public Task WakeAsync() => WakeAsync(repairCatalog: true);

    public async Task AttemptFinishedAsync(string runId, int attempt, AttemptOutcome outcome)
    {
        if (State.InFlight is not { } run || run.RunId != runId || run.Attempt != attempt)
        {
            LogLateReport(Id, runId, attempt);
            return;
        }

        await FinishAttemptAsync(run, RunRecords.Finished(run, outcome.Outcome, Now, outcome.Output, outcome.Error), recorded: false);
        if (_relocateAfterRun && _attempt is null)
        {
            RequestMigration();
        }
    }

    public Task RelocateAsync()
    {
        if (_attempt is not null)
        {
            _relocateAfterRun = true;
        }
        else
        {
            RequestMigration();
        }

        return Task.CompletedTask;
    }

    private TaskInfo Info() => State.ToInfo(Id, Spec);

    /// <summary>A deleted task keeps its tombstone, not its spec (which may hold credentials).</summary>
    private async Task ClearSpecAsync()
    {
        try
        {
            await specStore.ClearStateAsync();
        }
        catch (Exception ex)
        {
            LogSpecClearFailed(ex, Id);
        }
    }

    /// <summary>
    /// Frees the account's slot at once after a delete. A task that completes does not call: its
    /// account finds out when next asked (a create, or its task list), which spares a write per completion.
    /// </summary>
    private async Task ReleaseAccountAsync(string accountId)
    {
        try
        {
            await GrainFactory.GetAccountGrain(accountId).ReleaseAsync(Id, deleted: true);
        }
        catch (Exception ex)
        {
            // The account re-checks its active task before refusing a create, so this heals itself.
            LogReleaseFailed(ex, Id, accountId);
        }
    }

    /// <summary>
    /// Asks the runtime to move this activation once idle. Through the management extension, not
    /// <c>MigrateOnIdle()</c>: the extension asks the placement director first and stays put when
    /// it picks this silo, where <c>MigrateOnIdle()</c> would deactivate the grain. The call is a
    /// message to this grain, handled after the current turn.
    /// </summary>
    private void RequestMigration()
    {
        _relocateAfterRun = false;
        var management = GrainFactory.GetGrain(this.GetGrainId()).Cast<IGrainManagementExtension>();
        _ = management.MigrateOnIdle().AsTask().ContinueWith(
            t => LogMoveFailed(t.Exception, Id), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId}: ignoring a late report for {RunId} attempt {Attempt}")]
    private partial void LogLateReport(Guid taskId, string runId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: could not tell account {AccountId} it is deleted")]
    private partial void LogReleaseFailed(Exception exception, Guid taskId, string accountId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Task {TaskId}: could not save its state on deactivation; the next activation finds its runs in the history")]
    private partial void LogSaveOnDeactivationFailed(Exception exception, Guid taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: deleted, but its spec could not be removed from storage")]
    private partial void LogSpecClearFailed(Exception exception, Guid taskId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Task {TaskId}: could not start moving")]
    private partial void LogMoveFailed(Exception? exception, Guid taskId);
}

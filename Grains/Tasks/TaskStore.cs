using Actors.Grains.Placement;
using Actors.Grains.Tasks.Stored;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Core;
using Orleans.Runtime;
using Orleans.Storage;

namespace Actors.Grains.Tasks;

/// <summary>
/// Where a task activation keeps what lasts: its state and spec rows, the wake-ups lined up with
/// each save (<see cref="TaskWakeUps"/>), its run records on their way to the run history
/// (<see cref="RunRecordHandOver"/>) and its catalog row. A failed save deactivates the task, so
/// the next activation starts over from what is stored.
/// </summary>
internal sealed partial class TaskStore(
    IGrainBase grain,
    Guid taskId,
    IStorage<TaskState> state,
    IStorage<StoredSpec> spec,
    TaskWakeUps wakeUps,
    TaskServices services,
    ILogger logger)
{
    private readonly RunRecordHandOver _records = new(taskId, services);
    private TaskSpec? _spec;
    private bool _unsaved;
    private bool _discarded;
    private bool _lastRunLookedUp;
    private TaskCompletionSource? _creating;

    /// <summary>The state.</summary>
    public TaskState State => state.State;

    /// <summary>The spec, from its row (or from the state, where it was written before it had a row).</summary>
    public TaskSpec Spec => _spec ??= (State.Spec ?? spec.State).ToWire();

    /// <summary>Whether the state was left unread, for the create of a fresh id (<see cref="FreshTaskIds"/>), and is not known yet.</summary>
    public bool Unread { get; private set; }

    /// <summary>Done when no create of an unread state is under way: calls that interleave with one wait for it.</summary>
    public Task Settled => _creating?.Task ?? Task.CompletedTask;

    /// <summary>
    /// A stored row of the task (<c>task</c>, its state; <c>taskspec</c>, its spec), read when this
    /// class says, not by Orleans on activation: the spec only for a task that exists, the state
    /// not at all for a fresh id's create (<see cref="ActivateAsync"/>). A moving task carries both along.
    /// </summary>
    public static IStorage<T> Row<T>(IGrainContext context, string name)
    {
        var row = new StateStorageBridge<T>(name, context, context.ActivationServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default));
        context.ObservableLifecycle.AddMigrationParticipant(row);
        return row;
    }

    /// <summary>The public view.</summary>
    public TaskInfo Info() => State.ToInfo(taskId, Spec);

    /// <summary>Reads the state (unless it came along with a move, or this activation is for a fresh id's create) and picks a stored task up; returns whether the task exists.</summary>
    public async Task<bool> ActivateAsync(CancellationToken cancellationToken)
    {
        if (state.Etag is null)
        {
            Unread = FreshTaskIds.Marked;
            if (Unread)
            {
                state.State = new TaskState();
                return false;
            }

            await state.ReadStateAsync(cancellationToken);
        }

        if (State.Exists)
        {
            await LoadAsync(cancellationToken);
        }

        return State.Exists;
    }

    /// <summary>
    /// Stores a new task: the spec first, so state that says the task exists always finds its spec.
    /// The spec row was not read: one left by a create cut off before its state was written is read
    /// and taken over. A task whose first wake-up is beyond its timer's horizon then leaves memory
    /// (<see cref="WakeTiming.KeepsActivation"/>). With the state unread too, both rows are written
    /// insert-only, and a row already there means the id was taken after all: the state is read
    /// then, what this create wrote is put back, the activation leaves (it skipped what an
    /// activation of a stored task does) and <paramref name="refusal"/> answers.
    /// </summary>
    public async Task<CommandResult?> CreateAsync(TaskSpec newSpec, TaskState initial, Func<CommandResult?> refusal)
    {
        var unread = Unread;
        _creating = unread ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
        try
        {
            _spec = newSpec;
            spec.State = newSpec.ToStored();
            try
            {
                await spec.WriteStateAsync();
            }
            catch (InconsistentStateException)
            {
                if (Unread && await IsTakenAsync(refusal))
                {
                    _spec = null;
                    await spec.ReadStateAsync();
                    Leave("The id of a create was taken.");
                    return refusal();
                }

                await spec.ReadStateAsync();
                spec.State = newSpec.ToStored();
                await spec.WriteStateAsync();
            }

            state.State = initial;
            try
            {
                await SaveAsync(awaitCatalog: true);
            }
            catch (InconsistentStateException) when (Unread)
            {
                if (await IsTakenAsync(refusal))
                {
                    await PutBackAsync();
                    return refusal();
                }

                // An empty state row: taken over.
                state.State = initial;
                await SaveAsync(awaitCatalog: true);
            }

            Unread = false;
            if (!WakeTiming.KeepsActivation(TaskTransitions.NextWake(State), services.Now))
            {
                // Nothing to time for a while: its reminder wakes it. Memory is for the tasks due soon.
                grain.GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "A new task's first wake-up is its reminder's."));
            }

            return null;
        }
        catch when (unread)
        {
            Leave("A create of an unread task state failed.");
            throw;
        }
        finally
        {
            _creating?.TrySetResult();
            _creating = null;
        }
    }

    /// <summary>
    /// Leaves a tombstone rather than no row (the id stays spent), drops the reminder and the
    /// catalog row, removes the spec (it may hold credentials) and frees the account's slot at once.
    /// </summary>
    public async Task DeleteAsync(IGrainFactory grainFactory)
    {
        var accountId = Spec.AccountId;
        state.State = new TaskState { TaskId = taskId, Deleted = true, Version = State.Version + 1, UpdatedAt = NextChangeTime(), PendingRuns = State.PendingRuns };
        await state.WriteStateAsync();
        await wakeUps.UnregisterAsync(State);
        await services.Catalog.RemoveAsync(taskId, State.UpdatedAt);
        try
        {
            await spec.ClearStateAsync();
        }
        catch (Exception ex)
        {
            LogSpecClearFailed(ex, taskId);
        }

        // A task that completes does not tell its account: the account finds out when next asked
        // (a create, or its task list), which spares a write per completion.
        try
        {
            await grainFactory.GetAccountGrain(accountId).ReleaseAsync(taskId, deleted: true);
        }
        catch (Exception ex)
        {
            // The account re-checks its active task before refusing a create, so this heals itself.
            LogReleaseFailed(ex, taskId, accountId);
        }
    }

    /// <summary>
    /// Saves the state and lines the wake-up up. With something to wake for, the reminder is
    /// registered before the state is written, so saved state never points at a slot without a
    /// reminder; with nothing, the state is written first. Records the run history has confirmed
    /// leave the state; new ones go to the history once they are saved here.
    /// </summary>
    /// <param name="touch">A change (a new version); false: only line the wake-up up.</param>
    /// <param name="awaitCatalog">Wait for the catalog row (commands); otherwise it is posted and coalesced. A posted row lost with its silo heals: the due row still names the past slot, so the overdue sweep wakes the task, which writes its row again.</param>
    /// <param name="durable">False: the end of a round that goes on; its record in the run history is what lasts, and the state is written later.</param>
    public async Task SaveAsync(bool touch = true, bool awaitCatalog = false, bool durable = true)
    {
        if (touch)
        {
            State.Version++;
            State.UpdatedAt = NextChangeTime();
        }

        _unsaved |= touch && !durable;
        _records.Settle(State);
        var wake = TaskTransitions.NextWake(State);
        var reminder = (State.ReminderAnchor, State.ReminderPeriod);
        try
        {
            if (wake is not null)
            {
                await wakeUps.AlignAsync(wake, Spec.Schedule, State);
            }

            if ((touch && durable) || reminder != (State.ReminderAnchor, State.ReminderPeriod))
            {
                await state.WriteStateAsync();
                _unsaved = false;
            }

            if (wake is null)
            {
                await wakeUps.AlignAsync(null, Spec.Schedule, State);
            }
        }
        catch (Exception ex) when (!(Unread && ex is InconsistentStateException))
        {
            // A failed write: start over from the stored state.
            Leave("A task's state could not be saved.");
            throw;
        }

        _records.HandOver(State, Spec.AccountId);
        if (touch && awaitCatalog)
        {
            await services.Catalog.UpsertAsync(Info(), services.Host);
        }
        else if (touch)
        {
            services.Catalog.Post(Info(), services.Host, whole: !TaskTransitions.IsLive(State));
        }
    }

    /// <summary>
    /// A slot due while the dispatcher is stopped: marked once, and the dispatcher told, so that it
    /// wakes the task when it is started again.
    /// </summary>
    public async Task DeferAsync(IGrainFactory grainFactory)
    {
        if (!State.Deferred)
        {
            State.Deferred = true;
            await SaveAsync(touch: false);
            await grainFactory.GetDispatcherGrain().DeferAsync(taskId);
        }
    }

    /// <summary>Posts the whole catalog row (an activation, or a sweep that read a stale row).</summary>
    public void PostCatalogRow() => services.Catalog.Post(Info(), services.Host, whole: true);

    /// <summary>
    /// On deactivation: rounds that ended since the last write are in the run history already, but
    /// saving them spares the next activation looking them up (migration carries the state along).
    /// A task Orleans dropped with its directory entry is woken again at once.
    /// </summary>
    public async Task DeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_unsaved && !_discarded && State.Exists && reason.ReasonCode != DeactivationReasonCode.Migrating)
        {
            try
            {
                await state.WriteStateAsync(cancellationToken);
            }
            catch (Exception ex)
            {
                LogSaveOnDeactivationFailed(ex, taskId);
            }
        }

        if (State.Exists && !_discarded && !services.Departures.IsLeaving && DirectoryLossWakeUps.Applies(reason))
        {
            services.DirectoryLossWakeUps.WakeSoon(taskId);
        }
    }

    /// <summary>The last run is not in the stored state: an activation finds it in the run history when first asked.</summary>
    public async Task LookUpLastRunAsync()
    {
        if (State.LastRun is null && !_lastRunLookedUp && (State.RoundNum > 0 || State.MissedRuns > 0))
        {
            _lastRunLookedUp = true;
            var newest = (await services.History.ListAsync(new RunQuery { TaskId = taskId, Limit = 1 })).Runs.FirstOrDefault();
            State.LastRun ??= newest?.ToStored().Summary();
        }
    }

    /// <summary>
    /// Picks a stored task up: a spec written inside the state (before it had a row of its own)
    /// moves to its row, once, over any spec row there (a spec never changes after its create, so
    /// that one is the same, or was written by a create that found the id taken); saved run records
    /// go to the history.
    /// </summary>
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (spec.Etag is null)
        {
            // Not carried here by a move.
            await spec.ReadStateAsync(cancellationToken);
        }

        if (State.Spec is { } legacy)
        {
            spec.State = legacy;
            await spec.WriteStateAsync(cancellationToken);
            State.Spec = null;
            await state.WriteStateAsync(cancellationToken);
        }

        _records.HandOver(State, Spec.AccountId);
    }

    /// <summary>A row of an unread create's id was there: reads the state; whether it refuses the create (otherwise nothing stored says the id is taken, and the create takes it over).</summary>
    private async Task<bool> IsTakenAsync(Func<CommandResult?> refusal)
    {
        await state.ReadStateAsync();
        Unread = false;
        return refusal() is not null;
    }

    /// <summary>
    /// The state row of an unread create's id was there (a deleted task's, whose spec row is gone,
    /// or one whose spec is still inside its state): this create's spec row and reminder give way
    /// to the stored task's (its spec and wake-up back, or none for a deleted task), and the activation leaves.
    /// </summary>
    private async Task PutBackAsync()
    {
        if (State.Spec is { } stored)
        {
            _spec = null;
            spec.State = stored;
            await spec.WriteStateAsync();
        }
        else
        {
            await spec.ClearStateAsync();
        }

        State.ReminderAnchor = null;
        await SaveAsync(touch: false);
        Leave("The id of a create was taken.");
    }

    /// <summary>Deactivates, so that the next activation starts over from what is stored.</summary>
    private void Leave(string why)
    {
        _discarded = true;
        grain.GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, why));
    }

    /// <summary>
    /// The time of a change: now, but always later than the last one, since the catalog orders a
    /// task's writes by it (a delete in the same millisecond as the create must still win).
    /// </summary>
    private DateTimeOffset NextChangeTime() => services.Now > State.UpdatedAt ? services.Now : State.UpdatedAt.AddMilliseconds(1);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Task {TaskId}: could not save its state on deactivation; the next activation finds its runs in the history")]
    private partial void LogSaveOnDeactivationFailed(Exception exception, Guid taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: could not tell account {AccountId} it is deleted")]
    private partial void LogReleaseFailed(Exception exception, Guid taskId, string accountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: deleted, but its spec could not be removed from storage")]
    private partial void LogSpecClearFailed(Exception exception, Guid taskId);
}

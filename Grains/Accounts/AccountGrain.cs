using Actors.Grains.Execution;
using Actors.Grains.Tasks;
using Actors.Grains.Validation;

namespace Actors.Grains.Accounts;

/// <summary>
/// The only place the one-active-task-per-account rule lives. Non-reentrant, so concurrent creates
/// for one account queue up here and exactly one wins. Task ids come from the account's sequence
/// (<see cref="TaskIds"/>), so a task written without the account's write after it (a crash, or a
/// write this grain skipped) is found again by deriving the next id from the stored count: a create
/// writes the account only when the stored count would fall more than one id behind.
/// </summary>
[GrainType("account")]
internal sealed class AccountGrain(
    [PersistentState("account", StorageNames.Default)] IPersistentState<AccountState> store,
    ExecutorRegistry executors) : Grain, IAccountGrain
{
    private const int FinishedKept = 1000;
    private const int MaxSpentIds = 16;

    private readonly TaskSpecBuilder _specs = new(executors);

    /// <summary>The count in storage (the state may be one id ahead, see <see cref="CreateTaskAsync"/>).</summary>
    private long _storedSequence = -1;

    /// <summary>Whether this activation has seen every id the account handed out (a create walked to a free one).</summary>
    private bool _caughtUp;

    private AccountState State => store.State;

    private string AccountId => GrainFactoryExtensions.AccountIdOf(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _storedSequence = State.Sequence;
        return Task.CompletedTask;
    }

    public async Task<CommandResult> CreateTaskAsync(CreateTaskRequest request)
    {
        if (!string.Equals(request.AccountId ?? "", AccountId, StringComparison.Ordinal))
        {
            return CommandResult.Invalid([new FieldError("account_id", $"The task is for account '{request.AccountId}' but was sent to account '{AccountId}'.")]);
        }

        if (!_specs.TryBuild(request, out var spec, out var errors))
        {
            // Refused requests name any account (a missing or mistyped id): do not keep one that has nothing stored.
            if (!store.RecordExists)
            {
                DeactivateOnIdle();
            }

            return CommandResult.Invalid(errors);
        }

        await SettleReservationAsync();
        if (State.ActiveTaskId is { } activeId)
        {
            var active = await GrainFactory.GetTaskGrain(activeId).GetAsync();
            if (active is not null && active.Status != ScheduledTaskStatus.Completed)
            {
                return CommandResult.Conflict(
                    $"Account '{AccountId}' already has an active task '{activeId}'; one account can have only one active task. Delete it or wait until it completes.",
                    conflictingTaskId: activeId);
            }

            MarkFinished(activeId, exists: active is not null);
        }

        // The next id in the account's sequence. A task already there was created by an earlier
        // attempt that was cut off before this grain saved the count: it is the account's task.
        for (var attempt = 0; ; attempt++)
        {
            var taskId = TaskIds.For(AccountId, State.Sequence + 1);
            var result = await FreshTaskIds.CreateAsync(GrainFactory.GetTaskGrain(taskId), spec);
            if (result.Outcome == CommandOutcome.Invalid)
            {
                return result;
            }

            State.Sequence++;
            _caughtUp = true;
            if (result.Succeeded)
            {
                // The first id past the stored count is where the next activation looks (the task
                // is durable already): the write can wait for the next change.
                State.ActiveTaskId = taskId;
                if (State.Sequence > _storedSequence + 1)
                {
                    await SaveAsync();
                }

                // Accounts make tasks now and then: one kept in memory per task would double the
                // activations the silo's background GC marks. The next create reads one row again.
                DeactivateOnIdle();
                return result;
            }

            if (result.Task is { } earlier && earlier.Status != ScheduledTaskStatus.Completed)
            {
                State.ActiveTaskId = taskId;
                await SaveAsync();
                return CommandResult.Conflict(
                    $"Account '{AccountId}' already has an active task '{taskId}' (from an earlier create whose answer was lost); one account can have only one active task. Delete it or wait until it completes.",
                    conflictingTaskId: taskId);
            }

            // Completed or deleted meanwhile: that id is spent; take the next.
            MarkFinished(taskId, exists: result.Task is not null);
            if (attempt >= MaxSpentIds)
            {
                await SaveAsync();
                throw new InvalidOperationException($"Account '{AccountId}': {MaxSpentIds} task ids in a row were already taken; giving up.");
            }
        }
    }

    public async Task ReleaseAsync(Guid taskId, bool deleted)
    {
        var changed = State.FinishedTaskIds.Remove(taskId);
        if (State.ActiveTaskId == taskId)
        {
            State.ActiveTaskId = null;
            changed = true;
        }

        if (!deleted)
        {
            State.FinishedTaskIds.Add(taskId);
            TrimFinished();
            changed = true;
        }

        if (changed)
        {
            await SaveAsync();
        }
    }

    /// <summary>
    /// The account's tasks. A task that completes does not tell its account (a write per completion
    /// would cost more than this look-up): its slot is found free here, as a create finds it. Until
    /// a create has walked the ids, the ones past the stored count may hold tasks too.
    /// </summary>
    public async Task<AccountTasks> GetTasksAsync()
    {
        // Interleaved with a create: only a view, the state is left to the create.
        Guid? activeId = null;
        IEnumerable<Guid> finished = State.FinishedTaskIds.AsEnumerable().Reverse();
        async Task<bool> SeeAsync(Guid id)
        {
            var task = await GrainFactory.GetTaskGrain(id).GetAsync();
            if (task is not null && task.Status != ScheduledTaskStatus.Completed)
            {
                activeId = id;
            }
            else if (task is not null && !State.FinishedTaskIds.Contains(id))
            {
                finished = finished.Prepend(id);
            }

            return task is not null;
        }

        if (State.ActiveTaskId is { } active)
        {
            await SeeAsync(active);
        }

        var handedOut = State.Sequence;
        for (var n = handedOut + 1; !_caughtUp && n <= handedOut + MaxSpentIds; n++)
        {
            if (!await SeeAsync(TaskIds.For(AccountId, n)))
            {
                break;
            }
        }

        return new AccountTasks { AccountId = AccountId, ActiveTaskId = activeId, FinishedTaskIds = [.. finished] };
    }

    /// <summary>A reservation still here means a create was cut off; the task grain knows whether it happened.</summary>
    private async Task SettleReservationAsync()
    {
        if (State.ReservedTaskId is not { } reserved)
        {
            return;
        }

        var task = await GrainFactory.GetTaskGrain(reserved).GetAsync();
        if (task is not null)
        {
            State.ActiveTaskId = reserved;
        }

        State.ReservedTaskId = null;
        await SaveAsync();
    }

    private async Task SaveAsync()
    {
        await store.WriteStateAsync();
        _storedSequence = State.Sequence;
    }

    private void MarkFinished(Guid taskId, bool exists)
    {
        State.ActiveTaskId = null;
        if (exists && !State.FinishedTaskIds.Contains(taskId))
        {
            State.FinishedTaskIds.Add(taskId);
            TrimFinished();
        }
    }

    private void TrimFinished()
    {
        if (State.FinishedTaskIds.Count > FinishedKept)
        {
            State.FinishedTaskIds.RemoveRange(0, State.FinishedTaskIds.Count - FinishedKept);
        }
    }
}

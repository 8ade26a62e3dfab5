using Actors.Grains.Execution;
using Actors.Grains.Placement;
using Actors.Grains.Scheduling;
using Actors.Grains.Tasks.Stored;
using Microsoft.Extensions.Logging;
using Orleans.Core;
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
internal sealed class TaskGrain(
    IGrainContext context,
    TaskServices services,
    ILogger<TaskGrain> logger) : Grain, ITaskGrain, ITaskRunSink, ITaskRelocation, IRemindable
{
    private readonly IStorage<TaskState> _state = TaskStore.Row<TaskState>(context, "task");
    private readonly IStorage<StoredSpec> _spec = TaskStore.Row<StoredSpec>(context, "taskspec");
    private TaskStore _store = null!;
    private TaskWakeUps _wakeUps = null!;
    private RunningAttempt _attempt = null!;

    private TaskState State => _store.State;

    private TaskSpec Spec => _store.Spec;

    private Guid Id => this.GetPrimaryKey();

    private DateTimeOffset Now => services.Now;

    private NextRunCalculator Calculator => new(Spec.Schedule);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _wakeUps = new TaskWakeUps(this, () => WakeAsync(repairCatalog: false), CheckInFlightAsync, services, logger);
        _store = new TaskStore(this, Id, _state, _spec, _wakeUps, services, logger);
        _attempt = new RunningAttempt(Id, services, () => TaskMigration.Request(GrainFactory, this.GetGrainId(), logger));
        services.LocalTasks.Add(this.GetGrainId());
        if (!await _store.ActivateAsync(cancellationToken))
        {
            return;
        }

        if (State.InFlight is { } run && !services.LocalAttempts.Contains(run.RunId, run.Attempt) && !await ReconcileAsync(run))
        {
            if (services.Executors.Find(Spec.Execution.Executor) is IResumableExecutor)
            {
                // Its work goes on elsewhere (on an agent): wait for it again from here.
                State.InFlight = run with { Silo = services.Host };
                _wakeUps.ArmWatchdog();
                DelayDeactivation(_attempt.Start(State.InFlight, Spec, Now, resumed: true));
            }
            else
            {
                // At once: an attempt of a silo that died is abandoned (and retried) without delay.
                _wakeUps.ArmWatchdog(TimeSpan.Zero);
            }
        }

        // A task that moved here or came back after deactivation picks its wake-up timer up again.
        _wakeUps.ArmTimerFor(TaskTransitions.NextWake(State));

        if (TaskTransitions.IsLive(State))
        {
            _store.PostCatalogRow();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        services.LocalTasks.Remove(this.GetGrainId());
        return _store.DeactivateAsync(reason, cancellationToken);
    }

    /// <summary>Creates the task from a spec the account grain has validated (<see cref="Validation.TaskSpecBuilder"/>).</summary>
    public async Task<CommandResult> CreateAsync(TaskSpec newSpec)
    {
        var now = Now;
        var first = new NextRunCalculator(newSpec.Schedule).First(now);
        if (TaskCommandRules.Create(State, Id, first, Info) is { } refusal)
        {
            return refusal;
        }

        var initial = new TaskState { Exists = true, TaskId = Id, Status = ScheduledTaskStatus.Pending, NextRunAt = first, CreatedAt = now };
        return await _store.CreateAsync(newSpec, initial, () => TaskCommandRules.Create(State, Id, first, Info))
            ?? CommandResult.Ok("Task created.", Info());
    }

    public async Task<TaskInfo?> GetAsync()
    {
        await _store.Settled;
        if (!State.Exists)
        {
            return null;
        }

        await _store.LookUpLastRunAsync();
        return Info();
    }

    public async Task<RunRecord[]?> GetLiveRunsAsync()
    {
        await _store.Settled;
        return State.Exists ? RunRecords.Live(State, Id) : null;
    }

    public async Task<CommandResult> DeleteAsync()
    {
        if (!State.Exists)
        {
            return CommandResult.NotFound(Id);
        }

        var info = Info();
        _attempt.Cancel();
        await _store.DeleteAsync(GrainFactory);
        DeactivateOnIdle();
        return CommandResult.Ok("Task deleted.", info);
    }

    public Task<CommandResult> PauseAsync() => ApplyAsync(TaskCommandRules.Pause(State, Id, Info), () => ScheduleChanges.Pause(State), () => "Task paused.");

    public Task<CommandResult> ResumeAsync() => ApplyAsync(
        TaskCommandRules.Resume(State, Id, Info),
        () => ScheduleChanges.Resume(State, Calculator, Now),
        () => State.Status != ScheduledTaskStatus.Completed ? "Task resumed." : "Task resumed, but its schedule has ended: it is completed.");

    public Task<CommandResult> ReorderAsync(long offsetSeconds) => ApplyAsync(
        TaskCommandRules.Reorder(State, Id, offsetSeconds, Info),
        () => ScheduleChanges.Reorder(State, offsetSeconds, Calculator, Now),
        () => "Task reordered.");

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
            TaskLog.LateReport(logger, Id, runId, attempt);
            return;
        }

        await FinishAttemptAsync(run, RunRecords.Finished(run, outcome.Outcome, Now, outcome.Output, outcome.Error), recorded: false);
        _attempt.MoveIfHeld();
    }

    public Task RelocateAsync()
    {
        _attempt.MoveWhenFree();
        return Task.CompletedTask;
    }

    private TaskInfo Info() => _store.Info();

    /// <summary>A command the rules allow (<paramref name="refusal"/> null): the change, saved with its catalog row before the answer.</summary>
    private async Task<CommandResult> ApplyAsync(CommandResult? refusal, Action change, Func<string> message)
    {
        if (refusal is not null)
        {
            return refusal;
        }

        change();
        await _store.SaveAsync(awaitCatalog: true);
        return CommandResult.Ok(message(), Info());
    }

    /// <summary>Runs what is due (a retry first), or lines the wake-up up again.</summary>
    private async Task WakeAsync(bool repairCatalog)
    {
        if (!State.Exists)
        {
            // Created-then-crashed or deleted: nothing to run; drop the reminder.
            await _wakeUps.UnregisterAsync(State);
            DeactivateOnIdle();
            return;
        }

        // A stopping silo starts nothing new: the task moves to another silo (or, on the last one,
        // its slot runs or is counted after the restart, by the misfire rules).
        if (services.Departures.IsLeaving)
        {
            return;
        }

        var now = Now;
        var live = TaskTransitions.IsLive(State);
        if (live && State.Retry is { } retry && DuePlanner.IsDue(retry.DueAt, now) && State.InFlight is null && await services.Dispatcher.IsRunningAsync())
        {
            await StartAttemptAsync(retry.Round, retry.Attempt, retry.ScheduledAt, RunTrigger.Retry);
        }
        else if (live && State.NextRunAt is { } slot && DuePlanner.IsDue(slot, now))
        {
            await OnSlotDueAsync(slot, now);
        }
        else
        {
            // Woken for nothing due (timer and reminder both fired, or the sweep read a stale row: repair it).
            if (repairCatalog)
            {
                _store.PostCatalogRow();
            }

            await _store.SaveAsync(touch: false);
        }
    }

    private async Task OnSlotDueAsync(DateTimeOffset slot, DateTimeOffset now)
    {
        if (!await services.Dispatcher.IsRunningAsync())
        {
            await _store.DeferAsync(GrainFactory);
            return;
        }

        var decision = DuePlanner.Plan(Calculator, slot, now);
        State.Deferred = false;
        State.NextRunAt = decision.Next;
        if (State.InFlight is not null || State.Retry is not null)
        {
            // Overlap: the previous round is still going.
            TaskTransitions.Overlap(State, Id, decision, slot, Spec.Execution.Overlap, now, services.Host);
            await _store.SaveAsync();
            return;
        }

        TaskTransitions.Skip(State, Id, decision.SkippedSlots, decision.FirstSkipped, decision.Reason, now, services.Host);
        if (decision.RunSlot is { } runSlot)
        {
            await StartAttemptAsync(State.RoundNum + 1, 1, runSlot, now - runSlot > TimeSpan.FromSeconds(1) ? RunTrigger.CatchUp : RunTrigger.Schedule);
        }
        else
        {
            if (State.NextRunAt is null)
            {
                TaskTransitions.Complete(State);
            }

            await _store.SaveAsync();
        }
    }

    private async Task StartAttemptAsync(long round, int attempt, DateTimeOffset slot, RunTrigger trigger)
    {
        var run = TaskTransitions.StartAttempt(State, Id, round, attempt, slot, trigger, Now, services.Host);
        _wakeUps.ArmWatchdog();

        // Durable before the executor starts: if this silo dies, the next activation sees the
        // attempt and marks it abandoned instead of losing it.
        await _store.SaveAsync();

        // The executor runs off this grain's turn; the activation stays at least as long as it may.
        DelayDeactivation(_attempt.Start(run, Spec, Now, resumed: false));
    }

    /// <summary>
    /// Ends the attempt. Its record in the run history is the durable end (written first, unless
    /// <paramref name="recorded"/> says the history already has it), so a round that simply goes
    /// on costs no state write: the stored state still names the attempt, and an activation that
    /// finds it there looks its record up (<see cref="ReconcileAsync"/>).
    /// </summary>
    private async Task FinishAttemptAsync(InFlightRun run, StoredRun record, bool recorded)
    {
        if (!recorded)
        {
            await services.History.WriteAsync(Id, Spec.AccountId, [record]);
        }

        _attempt.Ended();
        _wakeUps.DisarmWatchdog();
        var decision = AttemptConclusion.Decide(run, record.Outcome, State, Calculator, Spec.Execution, Now, Random.Shared);
        var mayRunQueued = decision.Next == AfterAttempt.RunQueued && !services.Departures.IsLeaving && await services.Dispatcher.IsRunningAsync();
        var (queued, durable) = TaskTransitions.Conclude(State, record, decision, mayRunQueued);
        if (decision.Next == AfterAttempt.Error)
        {
            TaskLog.StoppedInError(logger, Id, State.ConsecutiveFailures);
        }

        if (queued is { } slot)
        {
            await StartAttemptAsync(State.RoundNum + 1, 1, slot, RunTrigger.Queued);
        }
        else
        {
            await _store.SaveAsync(durable: durable);
        }
    }

    /// <summary>
    /// An attempt the state names but this activation did not see end: if the run history has its
    /// record (the activation that ended it is gone), the attempt ends with it now. Returns whether it did.
    /// </summary>
    private async Task<bool> ReconcileAsync(InFlightRun run)
    {
        if (await services.History.FindAsync(Id, run.StartedAt, run.RunId, run.Attempt) is not { } record)
        {
            return false;
        }

        await FinishAttemptAsync(run, record, recorded: true);
        return true;
    }

    /// <summary>Abandons the attempt in flight once <see cref="InFlightCheck"/> says it is gone; the retry policy then decides.</summary>
    private async Task CheckInFlightAsync(CancellationToken cancellationToken)
    {
        if (State.InFlight is not { } run)
        {
            _wakeUps.DisarmWatchdog();
            return;
        }

        if (!_attempt.IsRunning && await ReconcileAsync(run))
        {
            return;
        }

        if (InFlightCheck.WhyAbandoned(run, Spec.Execution, Now, _attempt.IsRunning, services) is { } why)
        {
            _attempt.Cancel();
            TaskLog.Abandoned(logger, Id, run.Attempt, run.RunId, why);
            await FinishAttemptAsync(run, RunRecords.Finished(run, RunOutcome.Abandoned, Now, null, why), recorded: false);
        }
    }
}

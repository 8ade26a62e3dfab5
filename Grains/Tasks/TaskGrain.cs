using Actors.Grains.Catalog;
using Actors.Grains.Dispatcher;
using Actors.Grains.Execution;
using Actors.Grains.Placement;
using Actors.Grains.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Core.Internal;
using Orleans.Runtime;

namespace Actors.Grains.Tasks;

/// <summary>
/// One task: its state, its durable reminder, its runs. The reminder always points at the next
/// wake-up (a slot or a retry). A regular interval rides the reminder's own period; anything
/// irregular re-registers it with the exact due time. Attempts run on the thread pool and report
/// back through <see cref="ITaskRunSink"/>, so the grain answers while a run is in flight.
/// </summary>
[GrainType("task")]
[TaskPlacement]
internal sealed partial class TaskGrain(
    [PersistentState("task", StorageNames.Default)] IPersistentState<TaskState> store,
    ITaskCatalog catalog,
    AttemptReporter reporter,
    ExecutorRegistry executors,
    DispatcherSwitch dispatcher,
    ILocalSiloDetails silo,
    IClusterMembershipService membership,
    LocalTaskActivations localTasks,
    LocalAttempts localAttempts,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider clock,
    ILogger<TaskGrain> logger) : Grain, ITaskGrain, ITaskRunSink, ITaskRelocation, IRemindable
{
    internal const string ReminderName = "run";
    internal const int HistoryLimit = 100;

    private CancellationTokenSource? _attempt;
    private IGrainTimer? _watchdog;
    private IGrainTimer? _wakeTimer;
    private bool _relocateAfterRun;

    private TaskState State => store.State;

    private Guid Id => this.GetPrimaryKey();

    private DateTimeOffset Now => clock.GetUtcNow();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        localTasks.Add(this.GetGrainId());
        if (State.InFlight is not null)
        {
            // At once: an attempt of a silo that died is abandoned (and retried) without delay.
            ArmWatchdog(TimeSpan.Zero);
        }

        // A task that moved here (rebalancing, a silo stopping) or came back after deactivation
        // picks its wake-up timer up again; a farther wake-up is its reminder's.
        if (State.Exists && NextWake() is { } wake && wake - Now <= TimerHorizon)
        {
            ArmWakeTimer(wake);
        }

        if (State.Exists && State.Status is ScheduledTaskStatus.Pending or ScheduledTaskStatus.Running)
        {
            catalog.Post(Info(), Host);
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        localTasks.Remove(this.GetGrainId());
        return Task.CompletedTask;
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

    public async Task<CommandResult> CreateAsync(TaskSpec spec)
    {
        if (State.Exists)
        {
            return CommandResult.Conflict($"Task '{Id}' already exists.", Info());
        }

        if (State.Deleted)
        {
            return CommandResult.Conflict($"Task id '{Id}' belonged to a deleted task and is not used again.");
        }

        var errors = TaskSpecValidator.Validate(spec).ToList();
        if (errors.Count == 0)
        {
            errors.AddRange(ValidateExecutor(spec));
        }

        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var now = Now;
        var first = new NextRunCalculator(spec.Schedule).First(now);
        if (first is null)
        {
            return CommandResult.Invalid([new FieldError("task_end_time", "The task would end before its first run; give a later task_end_time or an earlier start.")]);
        }

        store.State = new TaskState
        {
            Exists = true,
            TaskId = Id,
            Spec = spec,
            Status = ScheduledTaskStatus.Pending,
            NextRunAt = first,
            CreatedAt = now,
        };
        await PersistAsync(awaitCatalog: true);
        return CommandResult.Ok("Task created.", Info());
    }

    public Task<TaskInfo?> GetAsync() => Task.FromResult(State.Exists ? Info() : null);

    public Task<RunRecord[]?> GetRunsAsync(int limit) => Task.FromResult(
        State.Exists ? State.Runs.AsEnumerable().Reverse().Take(Math.Clamp(limit, 1, HistoryLimit)).ToArray() : null);

    public async Task<CommandResult> DeleteAsync()
    {
        if (!State.Exists)
        {
            return CommandResult.NotFound(Id);
        }

        var info = Info();
        _attempt?.Cancel();
        var version = State.Version + 1;

        // A tombstone rather than no row: the id stays spent (see AccountGrain).
        store.State = new TaskState { TaskId = Id, Deleted = true, Version = version, UpdatedAt = Now };
        await store.WriteStateAsync();
        await UnregisterReminderAsync();
        await catalog.RemoveAsync(Id, version);
        await ReleaseAccountAsync(info.Spec.AccountId, deleted: true);
        DeactivateOnIdle();
        return CommandResult.Ok("Task deleted.", info);
    }

    public async Task<CommandResult> PauseAsync()
    {
        if (!State.Exists)
        {
            return CommandResult.NotFound(Id);
        }

        switch (State.Status)
        {
            case ScheduledTaskStatus.Paused:
                return CommandResult.Ok("Task is already paused.", Info());
            case ScheduledTaskStatus.Completed:
                return CommandResult.Conflict("Task is completed; there is nothing to pause.", Info());
        }

        // A run in flight finishes; nothing new is scheduled until resume.
        State.Status = ScheduledTaskStatus.Paused;
        State.PausedSlot = State.Retry?.ScheduledAt ?? State.NextRunAt;
        State.NextRunAt = null;
        State.Retry = null;
        State.QueuedSlot = null;
        await PersistAsync(awaitCatalog: true);
        return CommandResult.Ok("Task paused.", Info());
    }

    public async Task<CommandResult> ResumeAsync()
    {
        if (!State.Exists)
        {
            return CommandResult.NotFound(Id);
        }

        if (State.Status == ScheduledTaskStatus.Completed)
        {
            return CommandResult.Conflict("Task is completed; create a new task instead.", Info());
        }

        if (State.Status is ScheduledTaskStatus.Pending or ScheduledTaskStatus.Running)
        {
            return CommandResult.Ok("Task is not paused.", Info());
        }

        // The first slot at or after now: no burst of the slots missed while paused.
        var now = Now;
        var calculator = Calculator();
        var anchor = State.PausedSlot ?? State.LastExecutionTime ?? State.CreatedAt;
        var next = anchor >= now ? anchor : calculator.NextAtOrAfter(anchor, now);
        State.ConsecutiveFailures = 0;
        State.PausedSlot = null;
        State.NextRunAt = next;
        State.Status = State.InFlight is not null ? ScheduledTaskStatus.Running
            : next is null ? ScheduledTaskStatus.Completed
            : ScheduledTaskStatus.Pending;
        await PersistAsync(awaitCatalog: true);
        if (State.Status == ScheduledTaskStatus.Completed)
        {
            await ReleaseAccountAsync(State.Spec.AccountId, deleted: false);
            return CommandResult.Ok("Task resumed, but its schedule has ended: it is completed.", Info());
        }

        return CommandResult.Ok("Task resumed.", Info());
    }

    public async Task<CommandResult> ReorderAsync(long offsetSeconds)
    {
        if (!State.Exists)
        {
            return CommandResult.NotFound(Id);
        }

        if (Math.Abs(offsetSeconds) > MaxReorderSeconds)
        {
            return CommandResult.Invalid([new FieldError("priority_offset", $"priority_offset must be between -{MaxReorderSeconds} and {MaxReorderSeconds} seconds (ten years); got {offsetSeconds}.")]);
        }

        if (State.InFlight is not null)
        {
            return CommandResult.Conflict("Task is running; reorder it after the run has finished.", Info());
        }

        if (State.Status != ScheduledTaskStatus.Pending || State.NextRunAt is not { } next)
        {
            return CommandResult.Conflict($"Only a pending task can be reordered; this task is {State.Status.ToString().ToLowerInvariant()}.", Info());
        }

        // A time in the past means "as soon as possible"; later slots are anchored to the new time.
        var now = Now;
        // The moved time still respects the daily window: outside it, it moves to the next opening.
        var moved = next.AddSeconds(offsetSeconds);
        State.NextRunAt = Calculator().MoveIntoWindow(moved < now ? now : moved);
        State.Retry = null;
        await PersistAsync(awaitCatalog: true);
        return CommandResult.Ok("Task reordered.", Info());
    }

    public async Task<CommandResult> RunNowAsync()
    {
        if (!State.Exists)
        {
            return CommandResult.NotFound(Id);
        }

        if (State.Status == ScheduledTaskStatus.Completed)
        {
            return CommandResult.Conflict("Task is completed; create a new task to run it again.", Info());
        }

        if (State.InFlight is not null)
        {
            return CommandResult.Conflict("Task is already running.", Info());
        }

        if (!await dispatcher.IsRunningAsync())
        {
            return CommandResult.Conflict("The dispatcher is stopped; start it to run tasks.", Info());
        }

        var now = Now;
        await StartAttemptAsync(State.RoundNum + 1, 1, now, "manual");
        return CommandResult.Ok("Run started.", Info());
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!string.Equals(reminderName, ReminderName, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Task grain has no reminder named '{reminderName}'.");
        }

        return WakeAsync(repairCatalog: false);
    }

    /// <summary>The dispatcher or the overdue sweep: run what is due, or line the reminder up again.</summary>
    public Task WakeAsync() => WakeAsync(repairCatalog: true);

    /// <summary>The reminder, the wake timer, the dispatcher or the overdue sweep: run what is due, or line the reminder up again.</summary>
    private async Task WakeAsync(bool repairCatalog)
    {
        if (!State.Exists)
        {
            // Created-then-crashed or deleted: nothing to run; drop the reminder.
            await UnregisterReminderAsync();
            DeactivateOnIdle();
            return;
        }

        var now = Now;
        if (State.Retry is { } retry && DuePlanner.IsDue(retry.DueAt, now) && State.InFlight is null
            && State.Status is ScheduledTaskStatus.Pending or ScheduledTaskStatus.Running)
        {
            if (await dispatcher.IsRunningAsync())
            {
                await StartAttemptAsync(retry.Round, retry.Attempt, retry.ScheduledAt, "retry");
                return;
            }
        }

        if (State.Status is ScheduledTaskStatus.Pending or ScheduledTaskStatus.Running
            && State.NextRunAt is { } slot && DuePlanner.IsDue(slot, now))
        {
            await OnSlotDueAsync();
            return;
        }

        // Woken for nothing due (the timer and the reminder both fired, a stale registration, or the
        // overdue sweep reading a catalog row that a crash left behind: post the current one).
        if (repairCatalog)
        {
            catalog.Post(Info(), Host);
        }

        if (NextWake() is { } wake)
        {
            var anchor = State.ReminderAnchor;
            await EnsureReminderAsync(wake);
            if (anchor != State.ReminderAnchor)
            {
                await store.WriteStateAsync();
            }
        }
        else
        {
            await UnregisterReminderAsync();
        }
    }

    public async Task AttemptFinishedAsync(string runId, int attempt, AttemptOutcome outcome)
    {
        if (State.InFlight is not { } run || run.RunId != runId || run.Attempt != attempt)
        {
            logger.LogInformation("Task {TaskId}: ignoring a late report for {RunId} attempt {Attempt}", Id, runId, attempt);
            return;
        }

        await FinishAttemptAsync(outcome);
        if (_relocateAfterRun && _attempt is null)
        {
            RequestMigration();
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
            t => logger.LogDebug(t.Exception, "Task {TaskId}: could not start moving", Id),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    private const long MaxReorderSeconds = 315_360_000;

    private TaskInfo Info() => State.ToInfo(Id);

    /// <summary>This silo, as the catalog records where a task lives.</summary>
    private string Host => silo.SiloAddress.ToParsableString();

    private NextRunCalculator Calculator() => new(State.Spec.Schedule);

    private IEnumerable<FieldError> ValidateExecutor(TaskSpec spec)
    {
        var executor = executors.Find(spec.Execution.Executor);
        if (executor is null)
        {
            var known = string.Join(", ", executors.All.Select(e => e.Name).Order(StringComparer.Ordinal));
            return [new FieldError("executor", $"No executor named '{spec.Execution.Executor}' is registered; use one of: {known}.")];
        }

        return executor.Validate(spec);
    }

    private async Task ReleaseAccountAsync(string accountId, bool deleted)
    {
        try
        {
            await GrainFactory.GetAccountGrain(accountId).ReleaseAsync(Id, deleted);
        }
        catch (Exception ex)
        {
            // The account re-checks its active task before refusing a create, so this heals itself.
            logger.LogWarning(ex, "Task {TaskId}: could not tell account {AccountId} it is finished", Id, accountId);
        }
    }
}

using Actors.Grains.Execution;
using Actors.Grains.Tasks.Stored;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Actors.Grains.Tasks;

/// <summary>The run side of <see cref="TaskGrain"/>: due slots, attempts, their ends, persisting and waking up.</summary>
internal sealed partial class TaskGrain
{
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
        var live = State.Status is ScheduledTaskStatus.Pending or ScheduledTaskStatus.Running;
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
                services.Catalog.Post(Info(), services.Host, whole: true);
            }

            await PersistAsync(touch: false);
        }
    }

    private async Task OnSlotDueAsync(DateTimeOffset slot, DateTimeOffset now)
    {
        if (!await services.Dispatcher.IsRunningAsync())
        {
            if (!State.Deferred)
            {
                State.Deferred = true;
                await PersistAsync(touch: false);
                await GrainFactory.GetDispatcherGrain().DeferAsync(Id);
            }

            return;
        }

        var decision = DuePlanner.Plan(Calculator, slot, now);
        State.Deferred = false;
        State.NextRunAt = decision.Next;
        if (State.InFlight is not null || State.Retry is not null)
        {
            // Overlap: the previous round is still going.
            var due = decision.RunSlot ?? slot;
            if (Spec.Execution.Overlap == OverlapPolicy.QueueOne && State.QueuedSlot is null && decision.RunSlot is not null)
            {
                State.QueuedSlot = due;
                RecordSkipped(decision.SkippedSlots, decision.FirstSkipped, decision.Reason);
            }
            else
            {
                RecordSkipped(decision.SkippedSlots + 1, decision.FirstSkipped ?? due, "the previous run was still in flight");
            }

            await PersistAsync();
            return;
        }

        RecordSkipped(decision.SkippedSlots, decision.FirstSkipped, decision.Reason);
        if (decision.RunSlot is { } runSlot)
        {
            await StartAttemptAsync(State.RoundNum + 1, 1, runSlot, now - runSlot > TimeSpan.FromSeconds(1) ? RunTrigger.CatchUp : RunTrigger.Schedule);
        }
        else if (State.NextRunAt is null)
        {
            await CompleteAsync();
        }
        else
        {
            await PersistAsync();
        }
    }

    private async Task StartAttemptAsync(long round, int attempt, DateTimeOffset slot, RunTrigger trigger)
    {
        var now = Now;
        var run = new InFlightRun { RunId = $"{Id}:{round}", Round = round, Attempt = attempt, ScheduledAt = slot, StartedAt = now, Silo = services.Host, Trigger = trigger };
        State.InFlight = run;
        State.Retry = null;
        State.LastExecutionTime = now;
        State.Status = State.Status == ScheduledTaskStatus.Paused ? ScheduledTaskStatus.Paused : ScheduledTaskStatus.Running;
        _wakeUps.ArmWatchdog();

        // Durable before the executor starts: if this silo dies, the next activation sees the
        // attempt and marks it abandoned instead of losing it.
        await PersistAsync();

        var timeout = TimeSpan.FromSeconds(Spec.Execution.TimeoutSeconds);
        var cancellation = new CancellationTokenSource();
        _attempt = cancellation;
        DelayDeactivation(timeout + InFlightCheck.AbandonGrace + InFlightCheck.AbandonGrace);
        services.Reporter.Start(new ExecutionRequest(Id, run.RunId, round, attempt, slot, Spec), timeout, cancellation.Token);
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

        _attempt = null;
        _wakeUps.DisarmWatchdog();
        State.InFlight = null;
        State.LastRun = record.Summary();
        var decision = AttemptConclusion.Decide(run, record.Outcome, State, Calculator, Spec.Execution, Now, Random.Shared);
        State.RoundNum = decision.RoundNum;
        State.ConsecutiveFailures = decision.ConsecutiveFailures;
        State.NextRunAt = decision.NextRunAt;
        switch (decision.Next)
        {
            case AfterAttempt.Retry:
                State.Retry = decision.Retry;
                State.Status = ScheduledTaskStatus.Pending;
                await PersistAsync(durable: false);
                return;
            case AfterAttempt.Error:
                LogStoppedInError(Id, State.ConsecutiveFailures);
                State.Status = ScheduledTaskStatus.Error;
                State.PausedSlot = State.NextRunAt;
                State.NextRunAt = null;
                State.QueuedSlot = null;
                await PersistAsync();
                return;
            case AfterAttempt.Complete:
                await CompleteAsync();
                return;
            case AfterAttempt.RunQueued when State.QueuedSlot is { } queued && !services.Departures.IsLeaving && await services.Dispatcher.IsRunningAsync():
                State.QueuedSlot = null;
                await StartAttemptAsync(State.RoundNum + 1, 1, queued, RunTrigger.Queued);
                return;
            case AfterAttempt.StayPaused:
                await PersistAsync();
                return;
            default:
                State.Status = ScheduledTaskStatus.Pending;
                await PersistAsync(durable: false);
                return;
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

    private async Task CompleteAsync()
    {
        State.Status = ScheduledTaskStatus.Completed;
        State.NextRunAt = null;
        State.Retry = null;
        State.QueuedSlot = null;
        await PersistAsync();
    }

    private void RecordSkipped(long count, DateTimeOffset? firstSlot, string? reason)
    {
        if (count > 0 && firstSlot is { } slot)
        {
            State.MissedRuns += count;
            RunRecordHandOver.Record(State, RunRecords.Skipped(Id, State.RoundNum, count, slot, reason ?? "missed", Now, services.Host));
        }
    }

    /// <summary>
    /// Saves the state and lines the wake-up up. With something to wake for, the reminder is
    /// registered before the state is written, so saved state never points at a slot without a
    /// reminder; with nothing, the state is written first. Records the run history has confirmed
    /// leave the state; new ones go to the history once they are saved here.
    /// </summary>
    /// <remarks>
    /// The catalog write is awaited for commands; run transitions are posted and coalesced. A
    /// posted row lost with its silo heals: the due row still names the past slot, so the overdue
    /// sweep wakes the task, which writes its row again.
    /// </remarks>
    private async Task PersistAsync(bool touch = true, bool awaitCatalog = false, bool durable = true)
    {
        if (touch)
        {
            State.Version++;
            State.UpdatedAt = NextChangeTime();
        }

        // Not durable: the end of a round that goes on; its record in the run history is what lasts.
        _unsaved |= touch && !durable;

        _records.Settle(State);
        var wake = NextWake();
        var reminder = (State.ReminderAnchor, State.ReminderPeriod);
        try
        {
            if (wake is not null)
            {
                await _wakeUps.AlignAsync(wake, Spec.Schedule, State);
            }

            if ((touch && durable) || reminder != (State.ReminderAnchor, State.ReminderPeriod))
            {
                await store.WriteStateAsync();
                _unsaved = false;
            }

            if (wake is null)
            {
                await _wakeUps.AlignAsync(null, Spec.Schedule, State);
            }
        }
        catch
        {
            // A failed write: start over from the stored state.
            _discard = true;
            DeactivateOnIdle();
            throw;
        }

        _records.HandOver(State, Spec.AccountId);
        if (touch && awaitCatalog)
        {
            await services.Catalog.UpsertAsync(Info(), services.Host);
        }
        else if (touch)
        {
            services.Catalog.Post(Info(), services.Host, whole: State.Status is not (ScheduledTaskStatus.Pending or ScheduledTaskStatus.Running));
        }
    }

    private DateTimeOffset? NextWake()
    {
        if (State.Status is ScheduledTaskStatus.Paused or ScheduledTaskStatus.Completed or ScheduledTaskStatus.Error)
        {
            return null;
        }

        var retry = State.InFlight is null ? State.Retry?.DueAt : null;
        return retry is { } r && (State.NextRunAt is null || r < State.NextRunAt) ? r : State.NextRunAt;
    }

    /// <summary>Abandons the attempt in flight once <see cref="InFlightCheck"/> says it is gone; the retry policy then decides.</summary>
    private async Task CheckInFlightAsync(CancellationToken cancellationToken)
    {
        if (State.InFlight is not { } run)
        {
            _wakeUps.DisarmWatchdog();
            return;
        }

        var owner = SiloAddress.FromParsableString(run.Silo);
        if (_attempt is null && await ReconcileAsync(run))
        {
            return;
        }

        var why = InFlightCheck.WhyAbandoned(
            run, TimeSpan.FromSeconds(Spec.Execution.TimeoutSeconds), Now,
            runsHere: _attempt is not null || services.LocalAttempts.Contains(run.RunId, run.Attempt),
            ownerIsThisSilo: owner.Equals(services.Silo),
            ownerStatus: services.Membership.CurrentSnapshot.GetSiloStatus(owner));
        if (why is not null)
        {
            _attempt?.Cancel();
            LogAbandoned(Id, run.Attempt, run.RunId, why);
            await FinishAttemptAsync(run, RunRecords.Finished(run, RunOutcome.Abandoned, Now, null, why), recorded: false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: {Failures} failed rounds in a row; stopping in error")]
    private partial void LogStoppedInError(Guid taskId, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: attempt {Attempt} of {RunId} abandoned: {Why}")]
    private partial void LogAbandoned(Guid taskId, int attempt, string runId, string why);
}

using Actors.Grains.Execution;
using Actors.Grains.Scheduling;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Actors.Grains.Tasks;

/// <summary>The run side of <see cref="TaskGrain"/>: due slots, attempts, retries, the reminder.</summary>
internal sealed partial class TaskGrain
{
    /// <summary>How long past its timeout an attempt may stay unreported before it counts as abandoned.</summary>
    private static readonly TimeSpan AbandonGrace = TimeSpan.FromSeconds(30);

    /// <summary>The soonest a reminder is registered to tick (a closer wake-up is the timer's anyway).</summary>
    private static readonly TimeSpan ImminentWake = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How far ahead a grain timer times a wake-up, and so the shortest reminder period (see
    /// <see cref="ReminderPeriod"/>): an interval shorter than this is the timer's. Well inside
    /// Orleans' idle collection age (15 minutes), so the activation is still there when the timer
    /// is due.
    /// </summary>
    private static readonly TimeSpan TimerHorizon = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan WatchdogPeriod = TimeSpan.FromSeconds(5);

    /// <summary>How soon a failed timer wake-up is tried again.</summary>
    private static readonly TimeSpan WakeRetryDelay = TimeSpan.FromSeconds(2);

    private async Task OnSlotDueAsync()
    {
        if (!await dispatcher.IsRunningAsync())
        {
            await DeferAsync();
            return;
        }

        var now = Now;
        var calculator = Calculator();
        var slot = State.NextRunAt!.Value;
        var decision = DuePlanner.Plan(calculator, slot, now);
        State.Deferred = false;
        State.NextRunAt = decision.Next;

        if (State.InFlight is not null || State.Retry is not null)
        {
            // Overlap: the previous round is still going.
            var due = decision.RunSlot ?? slot;
            if (State.Spec.Execution.Overlap == OverlapPolicy.QueueOne && State.QueuedSlot is null && decision.RunSlot is not null)
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
            var trigger = now - runSlot > TimeSpan.FromSeconds(1) ? "catch_up" : "schedule";
            await StartAttemptAsync(State.RoundNum + 1, 1, runSlot, trigger);
            return;
        }

        if (State.NextRunAt is null)
        {
            await CompleteAsync();
            return;
        }

        await PersistAsync();
    }

    private async Task DeferAsync()
    {
        if (State.Deferred)
        {
            return;
        }

        State.Deferred = true;
        await PersistAsync(touch: false);
        await GrainFactory.GetDispatcherGrain().DeferAsync(Id);
    }

    private async Task StartAttemptAsync(long round, int attempt, DateTimeOffset slot, string trigger)
    {
        var now = Now;
        var run = new InFlightRun
        {
            RunId = $"{Id}:{round}",
            Round = round,
            Attempt = attempt,
            ScheduledAt = slot,
            StartedAt = now,
            Silo = Host,
            Trigger = trigger,
        };
        State.InFlight = run;
        State.Retry = null;
        State.LastExecutionTime = now;
        if (State.Status != ScheduledTaskStatus.Paused)
        {
            State.Status = ScheduledTaskStatus.Running;
        }

        AppendRun(ToRecord(run, RunOutcome.Running, null, null, null));
        ArmWatchdog();

        // Durable before the executor starts: if this silo dies, the next activation sees the
        // attempt and marks it abandoned instead of losing it.
        await PersistAsync();

        var timeout = TimeSpan.FromSeconds(State.Spec.Execution.TimeoutSeconds);
        var request = new ExecutionRequest(Id, run.RunId, round, attempt, slot, State.Spec);
        var cancellation = new CancellationTokenSource();
        _attempt = cancellation;
        DelayDeactivation(timeout + AbandonGrace + AbandonGrace);
        reporter.Start(request, timeout, cancellation.Token);
    }

    private async Task FinishAttemptAsync(AttemptOutcome outcome)
    {
        var run = State.InFlight!;
        var now = Now;
        _attempt = null;
        DisarmWatchdog();
        State.InFlight = null;
        ReplaceRun(ToRecord(run, outcome.Outcome, now, outcome.Output, outcome.Error));
        var execution = State.Spec.Execution;

        if (outcome.Outcome != RunOutcome.Succeeded && run.Attempt <= execution.MaxRetries && State.Status != ScheduledTaskStatus.Paused)
        {
            var delay = RetryBackoff.DelayBefore(run.Attempt + 1, execution.RetryBackoffSeconds, Random.Shared);
            State.Retry = new PendingRetry
            {
                Round = run.Round,
                Attempt = run.Attempt + 1,
                ScheduledAt = run.ScheduledAt,
                DueAt = now + delay,
                Trigger = run.Trigger,
            };
            State.Status = ScheduledTaskStatus.Pending;
            await PersistAsync();
            return;
        }

        // The round is over, one way or the other.
        State.RoundNum = Math.Max(State.RoundNum, run.Round);
        if (outcome.Outcome == RunOutcome.Succeeded)
        {
            State.ConsecutiveFailures = 0;
        }
        else if (++State.ConsecutiveFailures >= execution.MaxConsecutiveFailures && State.Status != ScheduledTaskStatus.Paused)
        {
            logger.LogWarning("Task {TaskId}: {Failures} failed rounds in a row; stopping in error", Id, State.ConsecutiveFailures);
            State.Status = ScheduledTaskStatus.Error;
            State.PausedSlot = State.NextRunAt;
            State.NextRunAt = null;
            State.QueuedSlot = null;
            await PersistAsync();
            return;
        }

        if (State.Status == ScheduledTaskStatus.Paused)
        {
            await PersistAsync();
            return;
        }

        if (State.QueuedSlot is { } queued && await dispatcher.IsRunningAsync())
        {
            State.QueuedSlot = null;
            await StartAttemptAsync(State.RoundNum + 1, 1, queued, "queued");
            return;
        }

        if (State.NextRunAt is null && State.Spec.Schedule.Mode != ScheduleMode.Once && run.Trigger == "manual")
        {
            State.NextRunAt = Calculator().NextAtOrAfter(run.ScheduledAt, now);
        }

        if (State.NextRunAt is null)
        {
            await CompleteAsync();
            return;
        }

        State.Status = ScheduledTaskStatus.Pending;
        await PersistAsync();
    }

    private async Task CompleteAsync()
    {
        State.Status = ScheduledTaskStatus.Completed;
        State.NextRunAt = null;
        State.Retry = null;
        State.QueuedSlot = null;
        await PersistAsync();
        await ReleaseAccountAsync(State.Spec.AccountId, deleted: false);
    }

    /// <summary>
    /// Saves the state and lines the reminder up with the next wake-up. With something to wake
    /// for, the reminder is registered before the state is written, so saved state never points
    /// at a slot without a reminder; with nothing, the state is written first.
    /// </summary>
    /// <remarks>
    /// The catalog write is awaited for commands and for a task that leaves pending/running (it
    /// may never change again); run transitions of a live task are posted and coalesced.
    /// </remarks>
    private async Task PersistAsync(bool touch = true, bool awaitCatalog = false)
    {
        if (touch)
        {
            State.Version++;
            State.UpdatedAt = Now;
        }

        var wake = NextWake();
        try
        {
            if (wake is { } at)
            {
                await TryAsync(() => EnsureReminderAsync(at), "register its reminder");
                await store.WriteStateAsync();
            }
            else
            {
                await store.WriteStateAsync();
                await TryAsync(UnregisterReminderAsync, "unregister its reminder");
            }
        }
        catch
        {
            // Memory must never run ahead of storage: start over from the stored state.
            DeactivateOnIdle();
            throw;
        }

        if (!touch)
        {
            return;
        }

        if (awaitCatalog || State.Status is not (ScheduledTaskStatus.Pending or ScheduledTaskStatus.Running))
        {
            await catalog.UpsertAsync(Info(), Host);
        }
        else
        {
            catalog.Post(Info(), Host);
        }
    }

    /// <summary>
    /// A reminder-service hiccup (its range moving after a silo died) must not stop a run: the
    /// wake timer and the overdue sweep cover the gap, and the next persist registers again.
    /// </summary>
    private async Task TryAsync(Func<Task> reminderChange, string what)
    {
        try
        {
            await reminderChange();
        }
        catch (Exception ex)
        {
            State.ReminderAnchor = null;
            logger.LogWarning(ex, "Task {TaskId}: could not {What}; will retry on the next change", Id, what);
        }
    }

    private DateTimeOffset? NextWake()
    {
        if (State.Status is ScheduledTaskStatus.Paused or ScheduledTaskStatus.Completed or ScheduledTaskStatus.Error)
        {
            return null;
        }

        var retry = State.InFlight is null ? State.Retry?.DueAt : null;
        return (retry, State.NextRunAt) switch
        {
            ({ } r, { } n) => r < n ? r : n,
            ({ } r, null) => r,
            (null, var n) => n,
        };
    }

    /// <summary>
    /// A wake-up less than <see cref="TimerHorizon"/> away is timed by a grain timer, and the
    /// durable reminder only backs it up (deactivation, a dead silo): it is kept as long as its next
    /// tick comes within a period after the wake-up, so a short interval costs no reminder write per
    /// run. A farther wake-up is timed by the reminder alone, which must then tick exactly at it:
    /// an idle activation is collected after 15 minutes, and its timer with it.
    /// </summary>
    private async Task EnsureReminderAsync(DateTimeOffset wake)
    {
        var now = Now;
        var period = ReminderPeriod();
        var timed = wake - now <= TimerHorizon;
        ArmWakeTimer(timed ? wake : null);
        if (State.ReminderAnchor is { } anchor && State.ReminderPeriod == period)
        {
            var nextTick = anchor > now ? anchor : anchor + (period * Math.Ceiling((now - anchor) / period));
            if (IsNaturalTick(anchor, period, wake) || (timed && nextTick >= wake && nextTick - wake < period))
            {
                return;
            }
        }

        var due = wake - now;
        await this.RegisterOrUpdateReminder(ReminderName, due < ImminentWake ? ImminentWake : due, period);
        State.ReminderAnchor = due < ImminentWake ? now + ImminentWake : wake;
        State.ReminderPeriod = period;
    }

    private void ArmWakeTimer(DateTimeOffset? at)
    {
        _wakeTimer?.Dispose();
        _wakeTimer = null;
        if (at is { } wakeAt)
        {
            var due = wakeAt - Now;
            _wakeTimer = this.RegisterGrainTimer(
                _ => WakeFromTimerAsync(),
                new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
    }

    /// <summary>
    /// The timer is one-shot: a wake-up that fails (storage or a call timing out under load) arms
    /// it again shortly, so an active task keeps trying instead of waiting for its reminder.
    /// </summary>
    private async Task WakeFromTimerAsync()
    {
        try
        {
            await WakeAsync(repairCatalog: false);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Task {TaskId}: wake-up failed; trying again in {Delay}", Id, WakeRetryDelay);
            ArmWakeTimer(Now + WakeRetryDelay);
        }
    }

    private async Task UnregisterReminderAsync()
    {
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }

        State.ReminderAnchor = null;
    }

    private static bool IsNaturalTick(DateTimeOffset anchor, TimeSpan period, DateTimeOffset wake) =>
        wake >= anchor && (wake - anchor).Ticks % period.Ticks == 0;

    /// <summary>
    /// A regular interval at or above <see cref="TimerHorizon"/> rides the reminder's period.
    /// A shorter one is driven by the wake timer while the grain is active, and its reminder only
    /// backs that up (with the overdue sweep) for a lost activation, so it need not tick, and wake
    /// the grain a second time, every slot.
    /// </summary>
    private TimeSpan ReminderPeriod()
    {
        var schedule = State.Spec.Schedule;
        var interval = schedule.Mode == ScheduleMode.Interval ? TimeSpan.FromSeconds(schedule.IntervalSeconds) : TimeSpan.FromHours(1);
        var floor = reminderOptions.Value.MinimumReminderPeriod > TimerHorizon ? reminderOptions.Value.MinimumReminderPeriod : TimerHorizon;
        return interval < floor ? floor : interval;
    }

    private void RecordSkipped(long count, DateTimeOffset? firstSlot, string? reason)
    {
        if (count <= 0 || firstSlot is not { } slot)
        {
            return;
        }

        var now = Now;
        State.MissedRuns += count;
        AppendRun(new RunRecord
        {
            RunId = $"{Id}:skipped:{slot.ToUnixTimeMilliseconds()}",
            Round = State.RoundNum,
            Attempt = 0,
            ScheduledAt = slot,
            StartedAt = now,
            FinishedAt = now,
            Outcome = RunOutcome.Skipped,
            Error = count == 1 ? $"Slot skipped: {reason}." : $"{count} slots skipped: {reason}.",
            Silo = Host,
            Trigger = "schedule",
        });
    }

    private static RunRecord ToRecord(InFlightRun run, RunOutcome outcome, DateTimeOffset? finishedAt, string? output, string? error) => new()
    {
        RunId = run.RunId,
        Round = run.Round,
        Attempt = run.Attempt,
        ScheduledAt = run.ScheduledAt,
        StartedAt = run.StartedAt,
        FinishedAt = finishedAt,
        Outcome = outcome,
        Output = output,
        Error = error,
        Silo = run.Silo,
        Trigger = run.Trigger,
    };

    private void AppendRun(RunRecord record)
    {
        State.Runs.Add(record);
        if (State.Runs.Count > HistoryLimit)
        {
            State.Runs.RemoveRange(0, State.Runs.Count - HistoryLimit);
        }
    }

    private void ReplaceRun(RunRecord record)
    {
        var index = State.Runs.FindLastIndex(r => r.RunId == record.RunId && r.Attempt == record.Attempt && r.Outcome == RunOutcome.Running);
        if (index >= 0)
        {
            State.Runs[index] = record;
        }
        else
        {
            AppendRun(record);
        }
    }

    /// <summary>Checks the attempt in flight every 5 s (first after <paramref name="firstCheck"/>).</summary>
    private void ArmWatchdog(TimeSpan? firstCheck = null)
    {
        _watchdog ??= this.RegisterGrainTimer(CheckInFlightAsync, new GrainTimerCreationOptions(firstCheck ?? WatchdogPeriod, WatchdogPeriod));
    }

    private void DisarmWatchdog()
    {
        _watchdog?.Dispose();
        _watchdog = null;
    }

    /// <summary>
    /// Marks an attempt abandoned when the silo that ran it is dead, or when it is long past its
    /// timeout without a report; the retry policy then decides what happens to the round.
    /// </summary>
    private async Task CheckInFlightAsync(CancellationToken cancellationToken)
    {
        if (State.InFlight is not { } run)
        {
            DisarmWatchdog();
            return;
        }

        var now = Now;
        var deadline = run.StartedAt + TimeSpan.FromSeconds(State.Spec.Execution.TimeoutSeconds) + AbandonGrace;
        // An attempt of this very process that is no longer executing or reporting here is gone
        // (its result could not be delivered); one of another silo is gone with that silo.
        var ranHere = _attempt is not null || localAttempts.Contains(run.RunId, run.Attempt);
        var owner = SiloAddress.FromParsableString(run.Silo);
        var ownerStatus = membership.CurrentSnapshot.GetSiloStatus(owner);
        var ownerGone = !ranHere
            && (owner.Equals(silo.SiloAddress) || ownerStatus == SiloStatus.Dead || (ownerStatus == SiloStatus.None && now - run.StartedAt > AbandonGrace));
        if (ownerGone || now > deadline)
        {
            _attempt?.Cancel();
            var why = ownerGone && owner.Equals(silo.SiloAddress)
                ? "Its result was lost on this silo (it could not be delivered)."
                : ownerGone
                ? $"The silo running it ({run.Silo}) died."
                : $"No result {AbandonGrace.TotalSeconds:0} s after the {State.Spec.Execution.TimeoutSeconds} s timeout.";
            logger.LogWarning("Task {TaskId}: attempt {Attempt} of {RunId} abandoned: {Why}", Id, run.Attempt, run.RunId, why);
            await FinishAttemptAsync(new AttemptOutcome(RunOutcome.Abandoned, null, why));
        }
    }
}

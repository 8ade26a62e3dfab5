using Microsoft.Extensions.Logging;

namespace Actors.Grains.Tasks;

/// <summary>
/// A task activation's wake-ups: the durable reminder lined up with the next wake-up as
/// <see cref="WakeTiming"/> plans it, the one-shot wake timer, and the watchdog of the attempt in
/// flight. A reminder-service hiccup never stops a run: it is logged, the timer and the sweeps cover
/// the gap, and the next change registers again.
/// </summary>
internal sealed partial class TaskWakeUps(IGrainBase grain, Func<Task> wake, Func<CancellationToken, Task> check, TaskServices services, ILogger logger)
{
    /// <summary>The reminder's name.</summary>
    public const string ReminderName = "run";

    private static readonly TimeSpan WatchdogPeriod = TimeSpan.FromSeconds(5);

    private IGrainTimer? _timer;
    private IGrainTimer? _watchdog;

    /// <summary>Lines the reminder and the timer up with <paramref name="next"/> (nothing: no reminder); updates the state's record of the reminder.</summary>
    public async Task AlignAsync(DateTimeOffset? next, ScheduleSpec schedule, TaskState state)
    {
        try
        {
            if (next is not { } at)
            {
                ArmTimer(null);
                await UnregisterAsync(state);
                return;
            }

            var period = WakeTiming.ReminderPeriod(schedule, services.MinimumReminderPeriod);
            var plan = WakeTiming.Plan(at, services.Clock.GetUtcNow(), period, state.ReminderAnchor, state.ReminderPeriod);
            ArmTimer(plan.TimerDue);
            if (plan.ReminderDue is { } due)
            {
                await grain.RegisterOrUpdateReminder(ReminderName, due, period);
                state.ReminderAnchor = plan.ReminderAnchor;
                state.ReminderPeriod = period;
            }
        }
        catch (Exception ex)
        {
            state.ReminderAnchor = null;
            LogReminderFailed(ex, grain.GrainContext.GrainId);
        }
    }

    /// <summary>Drops the reminder.</summary>
    public async Task UnregisterAsync(TaskState state)
    {
        if (await grain.GetReminder(ReminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }

        state.ReminderAnchor = null;
    }

    /// <summary>Arms the one-shot wake timer (null: none). It keeps the activation alive.</summary>
    public void ArmTimer(TimeSpan? due)
    {
        _timer?.Dispose();
        _timer = due is { } d ? grain.RegisterGrainTimer(_ => WakeFromTimerAsync(), new GrainTimerCreationOptions(d, Timeout.InfiniteTimeSpan) { KeepAlive = true }) : null;
    }

    /// <summary>Arms the wake timer for <paramref name="wake"/> when it is within the timer's horizon (the reminder times the rest).</summary>
    public void ArmTimerFor(DateTimeOffset? wake)
    {
        var now = services.Clock.GetUtcNow();
        if (wake is { } at && at - now <= WakeTiming.TimerHorizon)
        {
            ArmTimer(at > now ? at - now : TimeSpan.Zero);
        }
    }

    /// <summary>Checks the attempt in flight every 5 s, first after <paramref name="firstCheck"/> (no-op while armed).</summary>
    public void ArmWatchdog(TimeSpan? firstCheck = null) =>
        _watchdog ??= grain.RegisterGrainTimer(check, new GrainTimerCreationOptions(firstCheck ?? WatchdogPeriod, WatchdogPeriod));

    /// <summary>Stops the watchdog.</summary>
    public void DisarmWatchdog()
    {
        _watchdog?.Dispose();
        _watchdog = null;
    }

    /// <summary>The timer is one-shot: a wake-up that fails (storage, a call timing out under load) arms it again shortly.</summary>
    private async Task WakeFromTimerAsync()
    {
        try
        {
            await wake();
        }
        catch (Exception ex)
        {
            LogWakeFailed(ex, grain.GrainContext.GrainId);
            ArmTimer(TimeSpan.FromSeconds(2));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Grain}: could not line its reminder up; the timer and the sweeps cover, the next change registers again")]
    private partial void LogReminderFailed(Exception exception, GrainId grain);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Grain}: wake-up failed; trying again in 2 s")]
    private partial void LogWakeFailed(Exception exception, GrainId grain);
}

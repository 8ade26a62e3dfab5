using Actors.Grains.Scheduling;

namespace Actors.Grains.Tasks;

/// <summary>What the commands pause, resume and reorder do to a task's schedule, decided purely.</summary>
public static class ScheduleChanges
{
    /// <summary>The longest a reorder may move a run: ten years.</summary>
    public const long MaxReorderSeconds = 315_360_000;

    /// <summary>Pause: nothing is scheduled until resume, which continues the series from the pending slot.</summary>
    public static void Pause(TaskState state)
    {
        state.Status = ScheduledTaskStatus.Paused;
        state.PausedSlot = state.Retry?.ScheduledAt ?? state.NextRunAt;
        state.NextRunAt = null;
        state.Retry = null;
        state.QueuedSlot = null;
    }

    /// <summary>Resume (also from error): the first slot at or after now, no burst of the slots missed meanwhile.</summary>
    public static void Resume(TaskState state, NextRunCalculator calculator, DateTimeOffset now)
    {
        var anchor = state.PausedSlot ?? state.LastExecutionTime ?? state.CreatedAt;
        var next = anchor >= now ? anchor : calculator.NextAtOrAfter(anchor, now);
        state.ConsecutiveFailures = 0;
        state.PausedSlot = null;
        state.NextRunAt = next;
        state.Status = state.InFlight is not null ? ScheduledTaskStatus.Running
            : next is null ? ScheduledTaskStatus.Completed
            : ScheduledTaskStatus.Pending;
    }

    /// <summary>
    /// Moves the next run by <paramref name="offsetSeconds"/> (a pending retry is dropped): a time in
    /// the past means as soon as possible, and the moved time still respects the daily window.
    /// </summary>
    public static void Reorder(TaskState state, long offsetSeconds, NextRunCalculator calculator, DateTimeOffset now)
    {
        var moved = state.NextRunAt!.Value.AddSeconds(offsetSeconds);
        state.NextRunAt = calculator.MoveIntoWindow(moved < now ? now : moved);
        state.Retry = null;
    }
}

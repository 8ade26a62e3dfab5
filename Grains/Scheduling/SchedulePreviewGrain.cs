namespace Actors.Grains.Scheduling;

/// <summary>Describes schedules and lists their next slots in the silo that answers.</summary>
[StatelessWorker, GrainType("schedule-preview")]
internal sealed class SchedulePreviewGrain : Grain, ISchedulePreviewGrain
{
    /// <summary>The most slots one preview lists.</summary>
    public const int MaxCount = 50;

    public Task<SchedulePreview> PreviewAsync(TaskInfo task, int count)
    {
        var schedule = task.Spec.Schedule;
        var first = task.Status is ScheduledTaskStatus.Pending or ScheduledTaskStatus.Running ? task.NextExecutionTime : null;
        return Task.FromResult(new SchedulePreview(ScheduleWords.Describe(schedule), NextSlots(schedule, first, Math.Clamp(count, 0, MaxCount))));
    }

    /// <summary><paramref name="first"/> and the slots after it, <paramref name="count"/> in all (fewer when the schedule ends).</summary>
    public static DateTimeOffset[] NextSlots(ScheduleSpec spec, DateTimeOffset? first, int count)
    {
        var calculator = new NextRunCalculator(spec);
        var slots = new List<DateTimeOffset>(count);
        for (var slot = first; slot is { } s && slots.Count < count; slot = calculator.Next(s))
        {
            slots.Add(s);
        }

        return [.. slots];
    }
}

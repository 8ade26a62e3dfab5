namespace Actors.Grains;

/// <summary>A schedule in words and its next slots, for people reading a task (the console, the CLI).</summary>
public interface ISchedulePreviewGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Describes the task's schedule and lists up to <paramref name="count"/> slots from its next run
    /// on (none while it is paused, completed or in error).
    /// </summary>
    Task<SchedulePreview> PreviewAsync(TaskInfo task, int count);
}

/// <summary>A schedule in words and its next slots (UTC).</summary>
[GenerateSerializer, Immutable, Alias("actors.schedule-preview")]
public sealed record SchedulePreview(
    [property: Id(0)] string Text,
    [property: Id(1)] DateTimeOffset[] NextRuns);

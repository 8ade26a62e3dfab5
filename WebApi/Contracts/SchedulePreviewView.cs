using Actors.Grains;

namespace Actors.WebApi.Contracts;

/// <summary>A task's schedule in words with its next runs (UTC, soonest first).</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Text">The schedule in words, e.g. "every 5 min between 08:00 and 22:00 (UTC)".</param>
/// <param name="Status">The task's status; only pending and running tasks have next runs.</param>
/// <param name="NextRuns">The next slots, the first being the task's next run.</param>
public sealed record SchedulePreviewView(Guid TaskId, string Text, ScheduledTaskStatus Status, string[] NextRuns);

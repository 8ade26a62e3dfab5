namespace Actors.Grains;

/// <summary>Where a task is in its life. Wire names are the lower-case member names.</summary>
[GenerateSerializer, Alias("actors.task-status")]
public enum ScheduledTaskStatus
{
    /// <summary>Scheduled and waiting for its next run.</summary>
    Pending = 0,

    /// <summary>A run is in flight.</summary>
    Running = 1,

    /// <summary>Paused by a user: no run is scheduled until it is resumed.</summary>
    Paused = 2,

    /// <summary>Its end time passed or a one-off finished; it no longer holds its account's slot.</summary>
    Completed = 3,

    /// <summary>Stopped after too many consecutive failures; resume re-enables it.</summary>
    Error = 4,
}

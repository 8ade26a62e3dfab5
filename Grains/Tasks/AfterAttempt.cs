namespace Actors.Grains.Tasks;

/// <summary>What follows a finished attempt (see <see cref="AttemptConclusion"/>).</summary>
public enum AfterAttempt
{
    /// <summary>The round failed and is tried again at <see cref="AttemptDecision.Retry"/>.</summary>
    Retry,

    /// <summary>The round is over; the schedule goes on.</summary>
    Continue,

    /// <summary>The round is over and the slot queued during it runs now.</summary>
    RunQueued,

    /// <summary>The round is over and so is the schedule: the task is completed.</summary>
    Complete,

    /// <summary>Too many failed rounds in a row: the task stops in error until resumed.</summary>
    Error,

    /// <summary>The round is over; the task was paused meanwhile and stays paused.</summary>
    StayPaused,
}

namespace Actors.Grains;

/// <summary>How a run ended (or that it has not yet).</summary>
[GenerateSerializer, Alias("actors.run-outcome")]
public enum RunOutcome
{
    /// <summary>In flight.</summary>
    Running = 0,

    /// <summary>The executor reported success.</summary>
    Succeeded = 1,

    /// <summary>The executor reported failure.</summary>
    Failed = 2,

    /// <summary>The run did not finish within the task's timeout.</summary>
    TimedOut = 3,

    /// <summary>The slot was not run (overlap, misfire, window, dispatcher stopped).</summary>
    Skipped = 4,

    /// <summary>The silo running it died; the task retries it per its policy.</summary>
    Abandoned = 5,
}

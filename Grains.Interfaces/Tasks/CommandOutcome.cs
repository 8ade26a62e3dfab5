namespace Actors.Grains;

/// <summary>The expected outcomes of a command on a task or account.</summary>
[GenerateSerializer, Alias("actors.command-outcome")]
public enum CommandOutcome
{
    /// <summary>Done.</summary>
    Ok = 0,

    /// <summary>No such task.</summary>
    NotFound = 1,

    /// <summary>Refused because of the current state (account busy, task running, ...).</summary>
    Conflict = 2,

    /// <summary>Refused because the input is invalid; see the errors.</summary>
    Invalid = 3,
}

namespace Actors.Grains.Execution;

/// <summary>What an executor reports: success or not, and what it produced.</summary>
public sealed record ExecutionResult(bool Succeeded, string? Output, string? Error)
{
    /// <summary>An outcome other than succeeded or failed (an agent's timeout, a lost agent); null: by <see cref="Succeeded"/>.</summary>
    public RunOutcome? Outcome { get; init; }

    /// <summary>Success with output.</summary>
    public static ExecutionResult Success(string? output) => new(true, output, null);

    /// <summary>Failure with a reason.</summary>
    public static ExecutionResult Failure(string error, string? output = null) => new(false, output, error);
}

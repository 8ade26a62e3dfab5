namespace Actors.Grains.Execution;

/// <summary>What an executor reports: success or not, and what it produced.</summary>
public sealed record ExecutionResult(bool Succeeded, string? Output, string? Error)
{
    /// <summary>Success with output.</summary>
    public static ExecutionResult Success(string? output) => new(true, output, null);

    /// <summary>Failure with a reason.</summary>
    public static ExecutionResult Failure(string error, string? output = null) => new(false, output, error);
}

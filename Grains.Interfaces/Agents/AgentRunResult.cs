namespace Actors.Grains;

/// <summary>How a run ended on an agent, carrying the fencing token of its offer.</summary>
[GenerateSerializer, Immutable, Alias("actors.agent-run-result")]
public sealed record AgentRunResult
{
    /// <summary>The attempt and its token.</summary>
    [Id(0)] public AgentLease Lease { get; init; } = new("", 0, "");

    /// <summary>The process's exit code (null: it did not start or was killed).</summary>
    [Id(1)] public int? ExitCode { get; init; }

    /// <summary>An excerpt of its output.</summary>
    [Id(2)] public string? Output { get; init; }

    /// <summary>How long it ran.</summary>
    [Id(3)] public long DurationMs { get; init; }

    /// <summary>Killed at its timeout.</summary>
    [Id(4)] public bool TimedOut { get; init; }

    /// <summary>Why it could not run or was stopped (no process, a cancel).</summary>
    [Id(5)] public string? Error { get; init; }

    /// <summary>The last non-empty line of the process's standard output (a flow node's output is read from it).</summary>
    [Id(6)] public string? Result { get; init; }
}

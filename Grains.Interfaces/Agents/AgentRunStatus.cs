namespace Actors.Grains;

/// <summary>Where an attempt handed to the agents stands, as its executor sees it.</summary>
[GenerateSerializer, Immutable, Alias("actors.agent-run-status")]
public sealed record AgentRunStatus
{
    /// <summary>Waiting, offered, running, finished, or unknown to the hub (it lost its memory: queue it again).</summary>
    [Id(0)] public AgentRunState State { get; init; }

    /// <summary>The agent offered or running it.</summary>
    [Id(1)] public string? Agent { get; init; }

    /// <summary>When finished: the outcome.</summary>
    [Id(2)] public RunOutcome Outcome { get; init; }

    /// <summary>When finished: output excerpt.</summary>
    [Id(3)] public string? Output { get; init; }

    /// <summary>When finished and not a success: why.</summary>
    [Id(4)] public string? Error { get; init; }

    /// <summary>The last non-empty line of the process's standard output, when the agent reported it.</summary>
    [Id(5)] public string? Result { get; init; }
}

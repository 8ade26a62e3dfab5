namespace Actors.Grains;

/// <summary>The <c>agent</c> section as the client wrote it.</summary>
[GenerateSerializer, Immutable, Alias("actors.agent-target-request")]
public sealed record AgentTargetRequest
{
    /// <summary>Required labels.</summary>
    [Id(0)] public string[]? Labels { get; init; }

    /// <summary>The command as an array of program and arguments.</summary>
    [Id(1)] public string[]? Command { get; init; }

    /// <summary>The command as one shell string (run with <c>sh -c</c>).</summary>
    [Id(2)] public string? Shell { get; init; }

    /// <summary>Extra environment variables.</summary>
    [Id(3)] public Dictionary<string, string>? Env { get; init; }

    /// <summary>The working directory on the agent.</summary>
    [Id(4)] public string? WorkingDir { get; init; }
}

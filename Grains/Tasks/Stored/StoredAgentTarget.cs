using System.Text.Json.Serialization;

namespace Actors.Grains.Tasks.Stored;

/// <summary>What an agent runs, as stored.</summary>
[GenerateSerializer, Immutable, Alias("actors.stored-agent-target")]
public sealed record StoredAgentTarget
{
    /// <summary>Required labels.</summary>
    [Id(0), JsonPropertyName("labels")] public string[] Labels { get; init; } = [];

    /// <summary>Program and arguments.</summary>
    [Id(1), JsonPropertyName("command")] public string[] Command { get; init; } = [];

    /// <summary>Extra environment variables.</summary>
    [Id(2), JsonPropertyName("env")] public Dictionary<string, string>? Env { get; init; }

    /// <summary>Working directory.</summary>
    [Id(3), JsonPropertyName("workingDir")] public string? WorkingDir { get; init; }
}

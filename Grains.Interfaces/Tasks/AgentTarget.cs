namespace Actors.Grains;

/// <summary>What the <c>agent</c> executor has a remote agent run, and where it may run.</summary>
[GenerateSerializer, Immutable, Alias("actors.agent-target")]
public sealed record AgentTarget
{
    /// <summary>Labels the agent must all have (the task's <c>sys_type</c>, when set, is one more).</summary>
    [Id(0)] public string[] Labels { get; init; } = [];

    /// <summary>The program and its arguments (a shell string is <c>["sh", "-c", string]</c>).</summary>
    [Id(1)] public string[] Command { get; init; } = [];

    /// <summary>Extra environment variables.</summary>
    [Id(2)] public Dictionary<string, string> Env { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The working directory on the agent (empty: the agent's own).</summary>
    [Id(3)] public string WorkingDir { get; init; } = "";
}

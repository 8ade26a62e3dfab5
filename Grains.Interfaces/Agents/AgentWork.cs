namespace Actors.Grains;

/// <summary>An attempt the <c>agent</c> executor hands to the agents: what to run, where, and how long it may wait and take.</summary>
[GenerateSerializer, Immutable, Alias("actors.agent-work")]
public sealed record AgentWork
{
    /// <summary>The task.</summary>
    [Id(0)] public Guid TaskId { get; init; }

    /// <summary>The run (<c>{task_id}:{round}</c>).</summary>
    [Id(1)] public string RunId { get; init; } = "";

    /// <summary>The round.</summary>
    [Id(2)] public long Round { get; init; }

    /// <summary>The attempt.</summary>
    [Id(3)] public int Attempt { get; init; }

    /// <summary>Labels the agent must all have.</summary>
    [Id(4)] public string[] Labels { get; init; } = [];

    /// <summary>The task type the agent must accept.</summary>
    [Id(5)] public string TaskType { get; init; } = "";

    /// <summary>Offer order under saturation.</summary>
    [Id(6)] public TaskPriority Priority { get; init; } = TaskPriority.Normal;

    /// <summary>Program and arguments.</summary>
    [Id(7)] public string[] Command { get; init; } = [];

    /// <summary>Extra environment variables.</summary>
    [Id(8)] public Dictionary<string, string> Env { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Working directory (empty: the agent's own).</summary>
    [Id(9)] public string WorkingDir { get; init; } = "";

    /// <summary>The task's kwargs, JSON, given to the process on standard input.</summary>
    [Id(10)] public string PayloadJson { get; init; } = "{}";

    /// <summary>Seconds the process may run.</summary>
    [Id(11)] public int TimeoutSeconds { get; init; }

    /// <summary>Seconds the run may wait for a matching agent.</summary>
    [Id(12)] public int QueueTimeoutSeconds { get; init; }

    /// <summary>When it was first queued (kept when queued again after the hub lost it).</summary>
    [Id(13)] public DateTimeOffset EnqueuedAt { get; init; }
}

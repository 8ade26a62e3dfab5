using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Grains;

namespace Actors.WebApi.Contracts;

/// <summary>The body of <c>POST /api/v1/tasks/{id}/reorder</c>.</summary>
/// <param name="PriorityOffset">Seconds to move the next run by; negative runs it earlier, e.g. -1800.</param>
public sealed record ReorderTaskBody(long PriorityOffset);

/// <summary>
/// The body of <c>POST /api/v1/dispatch</c>: a one-off run on an agent. It becomes a task that runs once,
/// now, on its own account; its known fields are this record's properties (a test keeps them equal).
/// </summary>
public sealed record DispatchBody
{
    /// <summary>The task type an agent must take.</summary>
    public string? TaskType { get; init; }

    /// <summary>Free arguments for the run (the task's kwargs).</summary>
    public JsonObject? Payload { get; init; }

    /// <summary>Labels an agent must have.</summary>
    public string[]? Labels { get; init; }

    /// <summary>Program and arguments as an array of strings, or one shell string.</summary>
    public JsonElement? Command { get; init; }

    /// <summary>Environment variables for the run.</summary>
    public Dictionary<string, string>? Env { get; init; }

    /// <summary>The working directory.</summary>
    public string? WorkingDir { get; init; }

    /// <summary>The priority (default normal).</summary>
    public TaskPriority? Priority { get; init; }

    /// <summary>The system type.</summary>
    public string? SysType { get; init; }

    /// <summary>The run's time limit.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>How long the run waits for an agent.</summary>
    public int? QueueTimeoutSeconds { get; init; }

    /// <summary>Retries of a failed run.</summary>
    public int? MaxRetries { get; init; }

    /// <summary>The task's name.</summary>
    public string? Name { get; init; }
}

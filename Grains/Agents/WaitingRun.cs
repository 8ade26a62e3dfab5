namespace Actors.Grains.Agents;

/// <summary>
/// A run waiting for an agent: its attempt, priority and place in the queue, and what an agent
/// must have to take it (every one of <paramref name="Labels"/>, and <paramref name="TaskType"/>
/// among its task types unless it accepts any).
/// </summary>
public sealed record WaitingRun(string RunId, int Attempt, TaskPriority Priority, DateTimeOffset EnqueuedAt, IReadOnlyList<string> Labels, string TaskType);

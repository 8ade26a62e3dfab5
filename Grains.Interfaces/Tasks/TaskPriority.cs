namespace Actors.Grains;

/// <summary>A label a user sets on a task; it orders nothing inside the scheduler.</summary>
[GenerateSerializer, Alias("actors.task-priority")]
public enum TaskPriority
{
    /// <summary>High.</summary>
    High = 0,

    /// <summary>Normal (the default).</summary>
    Normal = 1,

    /// <summary>Low.</summary>
    Low = 2,
}

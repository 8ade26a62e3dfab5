namespace Actors.Grains;

/// <summary>Everything a client decides about a task; the input of create.</summary>
[GenerateSerializer, Immutable, Alias("actors.task-spec")]
public sealed record TaskSpec
{
    /// <summary>Display name; defaults to the account name and task type.</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>The owning account (one active task per account).</summary>
    [Id(1)] public string AccountId { get; init; } = "";

    /// <summary>The account's display name.</summary>
    [Id(2)] public string AccountName { get; init; } = "";

    /// <summary>Domain label, e.g. <c>xhs_type</c>.</summary>
    [Id(3)] public string TaskType { get; init; } = "xhs_type";

    /// <summary>The kind of machine the task must run on.</summary>
    [Id(4)] public string SysType { get; init; } = "";

    /// <summary>Priority label.</summary>
    [Id(5)] public TaskPriority Priority { get; init; } = TaskPriority.Normal;

    /// <summary>Free JSON object given to the executor, as JSON text.</summary>
    [Id(6)] public string KwargsJson { get; init; } = "{}";

    /// <summary>When it runs.</summary>
    [Id(7)] public ScheduleSpec Schedule { get; init; } = new();

    /// <summary>How it runs.</summary>
    [Id(8)] public ExecutionSpec Execution { get; init; } = new();
}

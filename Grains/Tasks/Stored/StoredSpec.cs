using System.Text.Json.Serialization;

namespace Actors.Grains.Tasks.Stored;

/// <summary>
/// A task's definition as stored (grain state and catalog rows). Its JSON names are pinned here,
/// not derived from the wire records, so renaming a wire property never changes stored data; see
/// <see cref="StoredMapping"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("actors.stored-spec")]
public sealed record StoredSpec
{
    /// <summary>See <see cref="TaskSpec.Name"/>.</summary>
    [Id(0), JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>See <see cref="TaskSpec.AccountId"/>.</summary>
    [Id(1), JsonPropertyName("accountId")] public string AccountId { get; init; } = "";

    /// <summary>See <see cref="TaskSpec.AccountName"/>.</summary>
    [Id(2), JsonPropertyName("accountName")] public string AccountName { get; init; } = "";

    /// <summary>See <see cref="TaskSpec.TaskType"/>.</summary>
    [Id(3), JsonPropertyName("taskType")] public string TaskType { get; init; } = "";

    /// <summary>See <see cref="TaskSpec.SysType"/>.</summary>
    [Id(4), JsonPropertyName("sysType")] public string SysType { get; init; } = "";

    /// <summary>See <see cref="TaskSpec.Priority"/>.</summary>
    [Id(5), JsonPropertyName("priority")] public TaskPriority Priority { get; init; } = TaskPriority.Normal;

    /// <summary>See <see cref="TaskSpec.KwargsJson"/>.</summary>
    [Id(6), JsonPropertyName("kwargsJson")] public string KwargsJson { get; init; } = "{}";

    /// <summary>See <see cref="TaskSpec.Schedule"/>.</summary>
    [Id(7), JsonPropertyName("schedule")] public StoredSchedule Schedule { get; init; } = new();

    /// <summary>See <see cref="TaskSpec.Execution"/>.</summary>
    [Id(8), JsonPropertyName("execution")] public StoredExecution Execution { get; init; } = new();
}

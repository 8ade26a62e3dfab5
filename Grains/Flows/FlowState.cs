using System.Text.Json.Serialization;
using Actors.Grains.Tasks.Stored;

namespace Actors.Grains.Flows;

/// <summary>A flow as its grain stores it.</summary>
[GenerateSerializer]
public sealed class FlowState
{
    /// <summary>False until registered (and again once deleted).</summary>
    [Id(0), JsonPropertyName("exists")] public bool Exists { get; set; }

    /// <summary>Its id.</summary>
    [Id(1), JsonPropertyName("flowId")] public string FlowId { get; set; } = "";

    /// <summary>A new id per registration after a delete, part of its cycles' keys.</summary>
    [Id(2), JsonPropertyName("incarnation")] public Guid Incarnation { get; set; }

    /// <summary>False once stopped.</summary>
    [Id(3), JsonPropertyName("active")] public bool Active { get; set; }

    /// <summary><c>flow_json</c> as registered.</summary>
    [Id(4), JsonPropertyName("flowJson")] public string FlowJson { get; set; } = "{}";

    /// <summary>The definition the next cycle takes.</summary>
    [Id(5), JsonPropertyName("definition")] public FlowDefinition Definition { get; set; } = new();

    /// <summary>The trigger task's spec; null without a schedule.</summary>
    [Id(6), JsonPropertyName("trigger")] public StoredSpec? Trigger { get; set; }

    /// <summary>The trigger task.</summary>
    [Id(7), JsonPropertyName("triggerTaskId")] public Guid? TriggerTaskId { get; set; }

    /// <summary>The number the next cycle gets (one above the highest so far).</summary>
    [Id(8), JsonPropertyName("nextCycle")] public long NextCycle { get; set; }

    /// <summary>The cycles it keeps, oldest first.</summary>
    [Id(9), JsonPropertyName("cycles")] public List<CycleRef> Cycles { get; set; } = [];

    /// <summary>The latest scheduled or manual cycle (the one the overlap policy looks at).</summary>
    [Id(10), JsonPropertyName("currentCycle")] public long? CurrentCycle { get; set; }

    /// <summary>The trigger task's run that started the latest scheduled cycle: asked again, the same cycle.</summary>
    [Id(11), JsonPropertyName("lastRound")] public string? LastRunId { get; set; }

    /// <summary>First registered.</summary>
    [Id(12), JsonPropertyName("createdAt")] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last changed.</summary>
    [Id(13), JsonPropertyName("updatedAt")] public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A cycle a flow keeps.</summary>
[GenerateSerializer, Immutable, Alias("actors.cycle-ref")]
public sealed record CycleRef
{
    /// <summary>Its number.</summary>
    [Id(0), JsonPropertyName("cycle")] public long Cycle { get; init; }

    /// <summary>What started it.</summary>
    [Id(1), JsonPropertyName("trigger")] public CycleTrigger Trigger { get; init; }

    /// <summary>When.</summary>
    [Id(2), JsonPropertyName("startedAt")] public DateTimeOffset StartedAt { get; init; }
}

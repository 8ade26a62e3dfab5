namespace Actors.Grains.Execution;

/// <summary>One attempt of one round, as an executor sees it.</summary>
public sealed record ExecutionRequest(
    Guid TaskId,
    string RunId,
    long Round,
    int Attempt,
    DateTimeOffset ScheduledAt,
    TaskSpec Spec)
{
    /// <summary>The output kept (in characters): 4 KB for a task's run; a flow node keeps more.</summary>
    public int OutputLimit { get; init; } = AttemptRunner.MaxOutputChars;

    /// <summary>Set when the attempt runs a node of a flow's cycle.</summary>
    public FlowNodeContext? Node { get; init; }
}

/// <summary>What a node's executor is given besides its spec: its flow, cycle, id, config and inputs.</summary>
public sealed record FlowNodeContext(string FlowId, long Cycle, string NodeId, string ConfigJson, string InputsJson);

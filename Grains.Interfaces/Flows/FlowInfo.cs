namespace Actors.Grains;

/// <summary>A flow as read: definition, schedule, status and its latest cycles.</summary>
[GenerateSerializer, Immutable, Alias("actors.flow-info")]
public sealed record FlowInfo
{
    /// <summary>Its id.</summary>
    [Id(0)] public string FlowId { get; init; } = "";

    /// <summary>False once stopped (no more cycles until resumed).</summary>
    [Id(1)] public bool Active { get; init; }

    /// <summary><c>flow_json</c> as last registered.</summary>
    [Id(2)] public string FlowJson { get; init; } = "{}";

    /// <summary>Node count.</summary>
    [Id(3)] public int NodeCount { get; init; }

    /// <summary>Its components.</summary>
    [Id(4)] public ComponentInfo[] Components { get; init; } = [];

    /// <summary>Its schedule; null when cycles only run by hand.</summary>
    [Id(5)] public ScheduleSpec? Schedule { get; init; }

    /// <summary>The task whose runs are its scheduled cycles.</summary>
    [Id(6)] public Guid? TriggerTaskId { get; init; }

    /// <summary>When the next scheduled cycle is due.</summary>
    [Id(7)] public DateTimeOffset? NextCycleAt { get; init; }

    /// <summary>The cycle running now.</summary>
    [Id(8)] public long? RunningCycle { get; init; }

    /// <summary>The latest cycles, newest first.</summary>
    [Id(9)] public CycleSummary[] Cycles { get; init; } = [];

    /// <summary>All cycles it keeps.</summary>
    [Id(10)] public int CycleCount { get; init; }

    /// <summary>First registered.</summary>
    [Id(11)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last registered, stopped or resumed.</summary>
    [Id(12)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The <c>task_id</c> its node runs have in the run history.</summary>
    [Id(13)] public Guid NodeRunsTaskId { get; init; }
}

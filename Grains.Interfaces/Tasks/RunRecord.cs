namespace Actors.Grains;

/// <summary>One attempt of one round of a task (or one skipped slot).</summary>
[GenerateSerializer, Immutable, Alias("actors.run-record")]
public sealed record RunRecord
{
    /// <summary><c>{task_id}:{round}</c>: the idempotency key of the round.</summary>
    [Id(0)] public string RunId { get; init; } = "";

    /// <summary>The round this run belongs to.</summary>
    [Id(1)] public long Round { get; init; }

    /// <summary>1 for the first attempt, 2 for the first retry, ...</summary>
    [Id(2)] public int Attempt { get; init; } = 1;

    /// <summary>The slot the run was scheduled for.</summary>
    [Id(3)] public DateTimeOffset ScheduledAt { get; init; }

    /// <summary>When the attempt started (the decision time for a skipped slot).</summary>
    [Id(4)] public DateTimeOffset StartedAt { get; init; }

    /// <summary>When it ended; null while running.</summary>
    [Id(5)] public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>How it ended.</summary>
    [Id(6)] public RunOutcome Outcome { get; init; }

    /// <summary>What went wrong, or why the slot was skipped.</summary>
    [Id(7)] public string? Error { get; init; }

    /// <summary>The first 4 KB of the executor's output.</summary>
    [Id(8)] public string? Output { get; init; }

    /// <summary>The silo that ran it.</summary>
    [Id(9)] public string Silo { get; init; } = "";

    /// <summary>What started it.</summary>
    [Id(10)] public RunTrigger Trigger { get; init; }

    /// <summary>The task the run belongs to.</summary>
    [Id(11)] public Guid TaskId { get; init; }
}

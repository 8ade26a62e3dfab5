using System.Text.Json.Serialization;

namespace Actors.Grains.Tasks.Stored;

/// <summary>A run record as stored in a task's state (its last run, and records not yet in the run history).</summary>
[GenerateSerializer, Immutable, Alias("actors.stored-run")]
public sealed record StoredRun
{
    /// <summary>See <see cref="RunRecord.RunId"/>.</summary>
    [Id(0), JsonPropertyName("runId")] public string RunId { get; init; } = "";

    /// <summary>See <see cref="RunRecord.Round"/>.</summary>
    [Id(1), JsonPropertyName("round")] public long Round { get; init; }

    /// <summary>See <see cref="RunRecord.Attempt"/>.</summary>
    [Id(2), JsonPropertyName("attempt")] public int Attempt { get; init; }

    /// <summary>See <see cref="RunRecord.ScheduledAt"/>.</summary>
    [Id(3), JsonPropertyName("scheduledAt")] public DateTimeOffset ScheduledAt { get; init; }

    /// <summary>See <see cref="RunRecord.StartedAt"/>.</summary>
    [Id(4), JsonPropertyName("startedAt")] public DateTimeOffset StartedAt { get; init; }

    /// <summary>See <see cref="RunRecord.FinishedAt"/>.</summary>
    [Id(5), JsonPropertyName("finishedAt")] public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>See <see cref="RunRecord.Outcome"/>.</summary>
    [Id(6), JsonPropertyName("outcome")] public RunOutcome Outcome { get; init; }

    /// <summary>See <see cref="RunRecord.Error"/>.</summary>
    [Id(7), JsonPropertyName("error")] public string? Error { get; init; }

    /// <summary>See <see cref="RunRecord.Output"/>.</summary>
    [Id(8), JsonPropertyName("output")] public string? Output { get; init; }

    /// <summary>See <see cref="RunRecord.Silo"/>.</summary>
    [Id(9), JsonPropertyName("silo")] public string Silo { get; init; } = "";

    /// <summary>See <see cref="RunRecord.Trigger"/>.</summary>
    [Id(10), JsonPropertyName("trigger")] public RunTrigger Trigger { get; init; }

    /// <summary>
    /// This record without its output, as the task's state and catalog row keep their last run
    /// (the run history has the output): a task's stored state stays small whatever its runs print.
    /// </summary>
    public StoredRun Summary() => Output is null ? this : this with { Output = null };
}

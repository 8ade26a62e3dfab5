namespace Actors.Grains;

/// <summary>The result of a flow command: an outcome, a sentence, and what it is about.</summary>
[GenerateSerializer, Immutable, Alias("actors.flow-command-result")]
public sealed record FlowCommandResult
{
    /// <summary>What happened.</summary>
    [Id(0)] public CommandOutcome Outcome { get; init; }

    /// <summary>A sentence for the caller.</summary>
    [Id(1)] public string Message { get; init; } = "";

    /// <summary>For <see cref="CommandOutcome.Invalid"/>: every problem.</summary>
    [Id(2)] public FieldError[] Errors { get; init; } = [];

    /// <summary>True when the flow was created (not replaced).</summary>
    [Id(3)] public bool Created { get; init; }

    /// <summary>The cycle the command started or concerns.</summary>
    [Id(4)] public long? Cycle { get; init; }

    /// <summary>The flow after the command.</summary>
    [Id(5)] public FlowInfo? Flow { get; init; }

    /// <summary>True when the outcome is ok.</summary>
    public bool Succeeded => Outcome == CommandOutcome.Ok;

    /// <summary>Done.</summary>
    public static FlowCommandResult Ok(string message, FlowInfo? flow = null, long? cycle = null, bool created = false) =>
        new() { Outcome = CommandOutcome.Ok, Message = message, Flow = flow, Cycle = cycle, Created = created };

    /// <summary>No such flow (or cycle, or component).</summary>
    public static FlowCommandResult NotFound(string message) => new() { Outcome = CommandOutcome.NotFound, Message = message };

    /// <summary>Refused in the current state.</summary>
    public static FlowCommandResult Conflict(string message) => new() { Outcome = CommandOutcome.Conflict, Message = message };

    /// <summary>Refused input.</summary>
    public static FlowCommandResult Invalid(IReadOnlyCollection<FieldError> errors) => new()
    {
        Outcome = CommandOutcome.Invalid,
        Message = "The flow is invalid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
        Errors = [.. errors],
    };
}

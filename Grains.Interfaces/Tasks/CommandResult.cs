namespace Actors.Grains;

/// <summary>The result of a command: an outcome, a message a person can act on, and the task as it is now.</summary>
[GenerateSerializer, Immutable, Alias("actors.command-result")]
public sealed record CommandResult
{
    /// <summary>What happened.</summary>
    [Id(0)] public CommandOutcome Outcome { get; init; }

    /// <summary>A sentence for the caller.</summary>
    [Id(1)] public string Message { get; init; } = "";

    /// <summary>The task after the command, when there is one.</summary>
    [Id(2)] public TaskInfo? Task { get; init; }

    /// <summary>For an account conflict: the task that holds the account.</summary>
    [Id(3)] public Guid? ConflictingTaskId { get; init; }

    /// <summary>For <see cref="CommandOutcome.Invalid"/>: every invalid field.</summary>
    [Id(4)] public FieldError[] Errors { get; init; } = [];

    /// <summary>True when the outcome is <see cref="CommandOutcome.Ok"/>.</summary>
    public bool Succeeded => Outcome == CommandOutcome.Ok;

    /// <summary>A successful result.</summary>
    public static CommandResult Ok(string message, TaskInfo? task) => new() { Outcome = CommandOutcome.Ok, Message = message, Task = task };

    /// <summary>The task does not exist.</summary>
    public static CommandResult NotFound(Guid taskId) => new() { Outcome = CommandOutcome.NotFound, Message = $"Task '{taskId}' does not exist." };

    /// <summary>Refused in the current state.</summary>
    public static CommandResult Conflict(string message, TaskInfo? task = null, Guid? conflictingTaskId = null) =>
        new() { Outcome = CommandOutcome.Conflict, Message = message, Task = task, ConflictingTaskId = conflictingTaskId };

    /// <summary>Refused input.</summary>
    public static CommandResult Invalid(IReadOnlyCollection<FieldError> errors) => new()
    {
        Outcome = CommandOutcome.Invalid,
        Message = "The task is invalid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
        Errors = [.. errors],
    };
}

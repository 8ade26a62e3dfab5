namespace Actors.Grains;

/// <summary>The task ids an account knows.</summary>
[GenerateSerializer, Immutable, Alias("actors.account-tasks")]
public sealed record AccountTasks
{
    /// <summary>The account.</summary>
    [Id(0)] public string AccountId { get; init; } = "";

    /// <summary>The task holding the account's slot, if any.</summary>
    [Id(1)] public Guid? ActiveTaskId { get; init; }

    /// <summary>Completed tasks, newest first.</summary>
    [Id(2)] public Guid[] FinishedTaskIds { get; init; } = [];
}

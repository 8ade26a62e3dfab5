namespace Actors.Grains.Accounts;

/// <summary>The persisted account: who holds the slot, how many task ids it has handed out, finished tasks.</summary>
public sealed class AccountState
{
    /// <summary>Task ids handed out so far; the next task's id is derived from this count (<see cref="TaskIds"/>).</summary>
    public long Sequence { get; set; }

    /// <summary>The task holding the account's one active slot.</summary>
    public Guid? ActiveTaskId { get; set; }

    /// <summary>A reservation left by an earlier version, which wrote one before each create; settled on the next create.</summary>
    public Guid? ReservedTaskId { get; set; }

    /// <summary>Completed tasks, newest last.</summary>
    public List<Guid> FinishedTaskIds { get; set; } = [];
}

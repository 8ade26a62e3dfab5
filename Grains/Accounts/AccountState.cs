namespace Actors.Grains.Accounts;

/// <summary>The persisted account: who holds the slot, a reservation in progress, finished tasks.</summary>
public sealed class AccountState
{
    /// <summary>The task holding the account's one active slot.</summary>
    public Guid? ActiveTaskId { get; set; }

    /// <summary>A task id reserved by a create that has not finished (yet, or ever: a crash).</summary>
    public Guid? ReservedTaskId { get; set; }

    /// <summary>Completed tasks, newest last.</summary>
    public List<Guid> FinishedTaskIds { get; set; } = [];
}

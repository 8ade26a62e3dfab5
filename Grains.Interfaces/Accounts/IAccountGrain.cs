namespace Actors.Grains;

/// <summary>
/// One account. The only place the one-active-task-per-account rule lives: it reserves the slot,
/// creates the task, and frees the slot when the task completes or is deleted.
/// </summary>
[Alias("actors.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates a task for this account from the client's request, or refuses it: because another task
    /// holds the account, or with every invalid field at once.
    /// </summary>
    [Alias("create-task-request")]
    Task<CommandResult> CreateTaskAsync(CreateTaskRequest request);

    /// <summary>A task of this account was deleted (<paramref name="deleted"/> true; false, a completion, is what earlier versions sent).</summary>
    [Alias("release")]
    Task ReleaseAsync(Guid taskId, bool deleted);

    /// <summary>The active task (if any) and the finished ones, newest first.</summary>
    [Alias("tasks"), AlwaysInterleave]
    Task<AccountTasks> GetTasksAsync();
}

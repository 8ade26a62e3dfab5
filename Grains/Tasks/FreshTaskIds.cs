namespace Actors.Grains.Tasks;

/// <summary>
/// Marks the create an account sends to the next id of its sequence. The task activation that
/// create makes does not read the task's state: that id nearly always has none, and the create's
/// insert-only writes find out when it has (<see cref="TaskStore.CreateAsync"/>). One read fewer
/// per create. Any other activation reads its state as usual.
/// </summary>
internal static class FreshTaskIds
{
    private const string Key = "actors.fresh-task";

    /// <summary>Whether the call being handled (or the one that made this activation) is such a create.</summary>
    public static bool Marked => RequestContext.Get(Key) is true;

    /// <summary>Sends the create, marked.</summary>
    public static async Task<CommandResult> CreateAsync(ITaskGrain task, TaskSpec spec)
    {
        RequestContext.Set(Key, true);
        try
        {
            return await task.CreateAsync(spec);
        }
        finally
        {
            RequestContext.Remove(Key);
        }
    }
}

namespace Actors.Grains;

/// <summary>The cluster-wide start/stop switch. While stopped no run starts; on start each overdue task runs once.</summary>
[Alias("actors.IDispatcherGrain")]
public interface IDispatcherGrain : IGrainWithIntegerKey
{
    /// <summary>Whether runs may start.</summary>
    [Alias("is-running"), AlwaysInterleave]
    Task<bool> IsRunningAsync();

    /// <summary>The switch plus the number of tasks per status.</summary>
    [Alias("status")]
    Task<DispatcherStatus> GetStatusAsync();

    /// <summary>Lets runs start again and wakes every task that missed a slot meanwhile.</summary>
    [Alias("start")]
    Task<DispatcherStatus> StartAsync();

    /// <summary>Stops new runs everywhere; runs in flight finish.</summary>
    [Alias("stop")]
    Task<DispatcherStatus> StopAsync();

    /// <summary>A task came due while stopped; it is woken on start.</summary>
    [Alias("defer")]
    Task DeferAsync(Guid taskId);

    /// <summary>Registers a silo-local observer told of every switch change.</summary>
    [Alias("subscribe")]
    Task SubscribeAsync(IDispatcherObserver observer);
}

using Actors.Grains.Catalog;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Dispatcher;

/// <summary>
/// The cluster-wide switch. Silos cache it (<see cref="DispatcherSwitch"/>) and are told of every
/// change before start/stop returns, so "stopped" means no run starts anywhere.
/// </summary>
[GrainType("dispatcher")]
internal sealed class DispatcherGrain(
    [PersistentState("dispatcher", StorageNames.Default)] IPersistentState<DispatcherState> store,
    ITaskCatalog catalog,
    TimeProvider clock,
    ILogger<DispatcherGrain> logger) : Grain, IDispatcherGrain
{
    private const int RunningTasksShown = 20;
    private const int WakeConcurrency = 64;

    private readonly Dictionary<IDispatcherObserver, DateTimeOffset> _observers = [];

    public Task<bool> IsRunningAsync() => Task.FromResult(store.State.IsRunning);

    public async Task<DispatcherStatus> GetStatusAsync() => new()
    {
        IsRunning = store.State.IsRunning,
        ChangedAt = store.State.ChangedAt,
        Counts = await catalog.CountAsync(),
        CurrentRunningTasks = await catalog.RunningAsync(RunningTasksShown),
    };

    public async Task<DispatcherStatus> StartAsync()
    {
        if (!store.State.IsRunning)
        {
            await SwitchAsync(true);
        }

        // Wake every task that came due meanwhile; each runs at most once (or skips, per its grace).
        var deferred = store.State.Deferred.ToArray();
        await Parallel.ForEachAsync(deferred, new ParallelOptions { MaxDegreeOfParallelism = WakeConcurrency }, async (taskId, _) =>
        {
            try
            {
                await GrainFactory.GetTaskGrain(taskId).WakeAsync();
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not wake task {TaskId} after the dispatcher started", taskId);
            }
        });
        if (deferred.Length > 0)
        {
            store.State.Deferred.ExceptWith(deferred);
            await store.WriteStateAsync();
        }

        return await GetStatusAsync();
    }

    public async Task<DispatcherStatus> StopAsync()
    {
        if (store.State.IsRunning)
        {
            await SwitchAsync(false);
        }

        return await GetStatusAsync();
    }

    public async Task DeferAsync(Guid taskId)
    {
        if (store.State.Deferred.Add(taskId))
        {
            await store.WriteStateAsync();
        }

        if (store.State.IsRunning)
        {
            // Started between the task's check and this call: wake it now.
            await GrainFactory.GetTaskGrain(taskId).WakeAsync();
        }
    }

    public Task SubscribeAsync(IDispatcherObserver observer)
    {
        _observers[observer] = clock.GetUtcNow();
        return Task.CompletedTask;
    }

    private async Task SwitchAsync(bool isRunning)
    {
        store.State.IsRunning = isRunning;
        store.State.ChangedAt = clock.GetUtcNow();
        await store.WriteStateAsync();
        logger.LogInformation("Dispatcher {State}", isRunning ? "started" : "stopped");

        // Observers that do not answer are dropped; their silos re-read the switch when they re-subscribe.
        var stale = clock.GetUtcNow() - DispatcherSwitch.ResubscribePeriod * 3;
        foreach (var gone in _observers.Where(o => o.Value < stale).Select(o => o.Key).ToList())
        {
            _observers.Remove(gone);
        }

        var notifications = _observers.Keys.Select(async o =>
        {
            try
            {
                await o.OnSwitchedAsync(isRunning).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A silo did not acknowledge the dispatcher switch");
                _observers.Remove(o);
            }
        }).ToList();
        await Task.WhenAll(notifications);
    }
}

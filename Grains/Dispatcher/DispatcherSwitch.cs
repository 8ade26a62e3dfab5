using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Actors.Grains.Dispatcher;

/// <summary>
/// This silo's copy of the dispatcher switch, so a due task need not call the dispatcher grain.
/// Once the silo is active it subscribes to changes and re-reads the switch periodically; until it
/// has a fresh value it asks the grain.
/// </summary>
public sealed class DispatcherSwitch(IGrainFactory grainFactory, TimeProvider clock, ILogger<DispatcherSwitch> logger)
    : IDispatcherObserver, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    /// <summary>How often the switch is re-read and the subscription renewed.</summary>
    public static readonly TimeSpan ResubscribePeriod = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _isRunning = true;
    private long _freshUntilTicks;
    private Task _refresh = Task.CompletedTask;

    /// <summary>Whether runs may start.</summary>
    public async ValueTask<bool> IsRunningAsync()
    {
        if (clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _freshUntilTicks))
        {
            return _isRunning;
        }

        return await grainFactory.GetDispatcherGrain().IsRunningAsync();
    }

    /// <inheritdoc />
    public Task OnSwitchedAsync(bool isRunning)
    {
        _isRunning = isRunning;
        Interlocked.Exchange(ref _freshUntilTicks, (clock.GetUtcNow() + ResubscribePeriod * 2).UtcTicks);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(
        nameof(DispatcherSwitch),
        ServiceLifecycleStage.Active,
        _ =>
        {
            _refresh = Task.Run(RefreshLoopAsync, CancellationToken.None);
            return Task.CompletedTask;
        },
        async _ =>
        {
            await _stopping.CancelAsync();
            await _refresh;
        });

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();

    private async Task RefreshLoopAsync()
    {
        IDispatcherObserver? reference = null;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                reference ??= grainFactory.CreateObjectReference<IDispatcherObserver>(this);
                var dispatcher = grainFactory.GetDispatcherGrain();
                await dispatcher.SubscribeAsync(reference);
                await OnSwitchedAsync(await dispatcher.IsRunningAsync());
            }
            catch (Exception ex) when (!_stopping.IsCancellationRequested)
            {
                logger.LogDebug(ex, "Could not refresh the dispatcher switch yet");
            }

            try
            {
                await Task.Delay(ResubscribePeriod, clock, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

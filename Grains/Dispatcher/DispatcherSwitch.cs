using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Dispatcher;

/// <summary>
/// This silo's copy of the dispatcher switch, so a due task need not call the dispatcher grain.
/// It subscribes to changes and re-reads the switch periodically; until it has a fresh value it
/// asks the grain.
/// </summary>
public sealed class DispatcherSwitch(IGrainFactory grainFactory, TimeProvider clock, ILogger<DispatcherSwitch> logger)
    : BackgroundService, IDispatcherObserver
{
    /// <summary>How often the switch is re-read and the subscription renewed.</summary>
    public static readonly TimeSpan ResubscribePeriod = TimeSpan.FromSeconds(10);

    private volatile bool _isRunning = true;
    private long _freshUntilTicks;

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
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IDispatcherObserver? reference = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                reference ??= grainFactory.CreateObjectReference<IDispatcherObserver>(this);
                var dispatcher = grainFactory.GetDispatcherGrain();
                await dispatcher.SubscribeAsync(reference);
                await OnSwitchedAsync(await dispatcher.IsRunningAsync());
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug(ex, "Could not refresh the dispatcher switch yet");
            }

            try
            {
                await Task.Delay(ResubscribePeriod, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

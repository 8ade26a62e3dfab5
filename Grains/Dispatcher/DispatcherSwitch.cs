using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Actors.Grains.Dispatcher;

/// <summary>
/// This silo's copy of the dispatcher switch, so a due task need not call the dispatcher grain.
/// Once the silo is active it subscribes to changes and re-reads the switch periodically; until it
/// has a fresh value it asks the grain.
/// </summary>
public sealed class DispatcherSwitch(IGrainFactory grainFactory, TimeProvider clock, ILogger<DispatcherSwitch> logger)
    : SiloLoop(ServiceLifecycleStage.Active), IDispatcherObserver
{
    /// <summary>How often the switch is re-read and the subscription renewed.</summary>
    public static readonly TimeSpan ResubscribePeriod = TimeSpan.FromSeconds(10);

    private readonly Lock _readLock = new();
    private volatile bool _isRunning = true;
    private volatile bool _known;
    private Task? _read;
    private long _freshUntilTicks;

    /// <summary>How long a due task waits for a stale switch to be re-read before it uses the last known value.</summary>
    public static readonly TimeSpan StaleReadTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether runs may start. A fresh copy answers at once. A stale one is re-read from the grain
    /// by one call shared by every caller on this silo (so a burst of due tasks never turns into
    /// a burst of calls to one grain); if that call fails or is slow, the last known value stands.
    /// </summary>
    public async ValueTask<bool> IsRunningAsync()
    {
        if (clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _freshUntilTicks))
        {
            return _isRunning;
        }

        var read = SharedRead();
        if (_known)
        {
            await Task.WhenAny(read, Task.Delay(StaleReadTimeout, clock));
            return _isRunning;
        }

        await read;
        return _isRunning;
    }

    private Task SharedRead()
    {
        lock (_readLock)
        {
            if (_read is null || _read.IsCompleted)
            {
                _read = ReadAsync();
            }

            return _read;
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            await OnSwitchedAsync(await grainFactory.GetDispatcherGrain().IsRunningAsync());
        }
        catch (Exception ex) when (_known)
        {
            logger.LogWarning(ex, "Could not re-read the dispatcher switch; using the last known value ({IsRunning})", _isRunning);
        }
    }

    /// <inheritdoc />
    public Task OnSwitchedAsync(bool isRunning)
    {
        _isRunning = isRunning;
        _known = true;
        Interlocked.Exchange(ref _freshUntilTicks, (clock.GetUtcNow() + ResubscribePeriod * 2).UtcTicks);
        return Task.CompletedTask;
    }

    /// <summary>Subscribes to changes and re-reads the switch every <see cref="ResubscribePeriod"/>.</summary>
    protected override async Task RunAsync(CancellationToken stopping)
    {
        IDispatcherObserver? reference = null;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                reference ??= grainFactory.CreateObjectReference<IDispatcherObserver>(this);
                var dispatcher = grainFactory.GetDispatcherGrain();
                await dispatcher.SubscribeAsync(reference);
                await OnSwitchedAsync(await dispatcher.IsRunningAsync());
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                logger.LogDebug(ex, "Could not refresh the dispatcher switch yet");
            }

            try
            {
                await Task.Delay(ResubscribePeriod, clock, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

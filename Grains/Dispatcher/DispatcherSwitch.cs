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

    /// <summary>
    /// Whether runs may start, answered at once from this silo's copy. The dispatcher grain tells
    /// every silo of a change before the change returns; the copy is re-read periodically besides,
    /// and a stale copy is re-read in the background by one call shared by every caller on this
    /// silo, while the last known value stands: a due task never waits on the dispatcher grain
    /// (whose silo may be stopping or dead). Only before the first read does a caller wait.
    /// </summary>
    public async ValueTask<bool> IsRunningAsync()
    {
        if (clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _freshUntilTicks))
        {
            return _isRunning;
        }

        var read = SharedRead();
        if (!_known)
        {
            await read;
        }

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
            await OnSwitchedAsync(await grainFactory.GetDispatcherGrain().IsRunningAsync().WaitAsync(ResubscribePeriod));
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
                await dispatcher.SubscribeAsync(reference).WaitAsync(ResubscribePeriod, stopping);
                await OnSwitchedAsync(await dispatcher.IsRunningAsync().WaitAsync(ResubscribePeriod, stopping));
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

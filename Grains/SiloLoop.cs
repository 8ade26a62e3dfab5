using Orleans.Runtime;

namespace Actors.Grains;

/// <summary>
/// A background loop a silo runs while it is active: started when the silo reaches
/// <c>stage</c>, cancelled and awaited when it leaves it.
/// </summary>
public abstract class SiloLoop(int stage) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(
        GetType().Name,
        stage,
        _ =>
        {
            _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
            return Task.CompletedTask;
        },
        OnStopAsync);

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The loop; it ends when <paramref name="stopping"/> is cancelled.</summary>
    protected abstract Task RunAsync(CancellationToken stopping);

    /// <summary>Stops the loop; a subclass may do more once it has stopped.</summary>
    protected virtual async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop;
    }
}

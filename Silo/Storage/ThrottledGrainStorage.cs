using Orleans.Runtime;
using Orleans.Storage;

namespace Actors.Silo.Storage;

/// <summary>
/// Grain storage with at most <c>limit</c> operations at PostgreSQL at once; the rest wait here, in
/// order and with no deadline. Without it, an overload queues grain-state writes for pooled
/// connections inside Npgsql, whose wait gives up after the connection timeout (15 s): measured at
/// 2.25× capacity, 37,000 writes failed within 10 s, each failing task started over from its stored
/// state, and the engine did not recover. Below the pool's size, so membership and reminder writes,
/// which share the pool, keep connections the grain states cannot take.
/// </summary>
public sealed class ThrottledGrainStorage(IGrainStorage inner, int limit) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly SemaphoreSlim _gate = new(limit, limit);

    /// <summary>
    /// The operations let through for a pool of <paramref name="poolSize"/> connections: a quarter of
    /// it (at most 10) stays for membership and reminders.
    /// </summary>
    public static int LimitFor(int poolSize) => Math.Max(1, poolSize - Math.Min(10, poolSize / 4));

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ThrottleAsync(() => inner.ReadStateAsync(stateName, grainId, grainState));

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ThrottleAsync(() => inner.WriteStateAsync(stateName, grainId, grainState));

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ThrottleAsync(() => inner.ClearStateAsync(stateName, grainId, grainState));

    /// <summary>The wrapped storage takes part in the silo's lifecycle (it initialises there).</summary>
    public void Participate(ISiloLifecycle observer) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(observer);

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task ThrottleAsync(Func<Task> operation)
    {
        await _gate.WaitAsync();
        try
        {
            await operation();
        }
        finally
        {
            _gate.Release();
        }
    }
}

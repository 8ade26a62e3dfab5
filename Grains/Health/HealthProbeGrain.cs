using System.Diagnostics;

namespace Actors.Grains.Health;

/// <summary>Proves grain storage works end to end by writing and reading its own state.</summary>
[GrainType("health-probe")]
internal sealed class HealthProbeGrain(
    [PersistentState("health", StorageNames.Default)] IPersistentState<HealthProbeState> store,
    TimeProvider clock) : Grain, IHealthProbeGrain
{
    public async Task<double> ProbeStorageAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var stamp = clock.GetUtcNow();
        store.State.Stamp = stamp;
        await store.WriteStateAsync();
        await store.ReadStateAsync();
        if (store.State.Stamp != stamp)
        {
            throw new InvalidOperationException("Storage returned a different value than was written.");
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}

using Orleans.Runtime;

namespace Actors.Grains.Flows;

/// <summary>
/// The cycles that are running, as durable storage knows them (a running cycle holds a reminder):
/// when a silo dies, they are woken at once instead of at their reminder's next tick.
/// </summary>
public interface IRunningCycles
{
    /// <summary>The grain ids of the running cycles.</summary>
    Task<IReadOnlyList<GrainId>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>For a cluster without durable reminders (the test cluster): none are known, the reminders alone wake them.</summary>
internal sealed class NoRunningCycles : IRunningCycles
{
    public Task<IReadOnlyList<GrainId>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<GrainId>>([]);
}

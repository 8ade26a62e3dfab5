using Actors.Grains.Dispatcher;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Actors.Grains.Catalog;

/// <summary>
/// Wakes tasks whose next run is well past. A reminder tick that fell while the whole cluster was
/// down is skipped by Orleans until its next period, and a reminder can be lost with a crash between
/// two writes; either way the task would wait. Every silo sweeps; waking is idempotent.
/// </summary>
public sealed class OverdueSweep(ITaskCatalog catalog, IGrainFactory grainFactory, DispatcherSwitch dispatcher, TimeProvider clock, ILogger<OverdueSweep> logger)
    : SiloLoop(ServiceLifecycleStage.Active)
{
    /// <summary>How often to look.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    /// <summary>How late a run must be before the sweep steps in (well past normal reminder jitter).</summary>
    public static readonly TimeSpan Threshold = TimeSpan.FromSeconds(5);

    private const int BatchSize = 500;

    /// <summary>
    /// One pass: wakes up to a batch of overdue tasks not woken yet in this round
    /// (<paramref name="woken"/>); returns how many it woke. A woken task repairs its catalog row a
    /// moment later, so reading again at once may return the same rows: those are not woken twice.
    /// </summary>
    public async Task<int> SweepAsync(HashSet<Guid> woken, CancellationToken cancellationToken)
    {
        if (!await dispatcher.IsRunningAsync())
        {
            return 0;
        }

        var overdue = (await catalog.OverdueAsync(clock.GetUtcNow() - Threshold, BatchSize, cancellationToken)).Where(woken.Add).ToArray();
        await Parallel.ForEachAsync(overdue, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (taskId, _) =>
        {
            try
            {
                await grainFactory.GetTaskGrain(taskId).WakeAsync();
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not wake overdue task {TaskId}", taskId);
            }
        });
        if (overdue.Length > 0)
        {
            logger.LogInformation("Woke {Count} overdue tasks", overdue.Length);
        }

        return overdue.Length;
    }

    /// <inheritdoc />
    protected override async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Period, clock, stopping);

                // More than a batch may be waiting (a silo died with many tasks): keep going while
                // each read finds tasks not woken yet.
                var woken = new HashSet<Guid>();
                while (await SweepAsync(woken, stopping) == BatchSize)
                {
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Overdue sweep failed; trying again in {Period}", Period);
            }
        }
    }
}

using Actors.Grains.Placement;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Actors.Grains.Catalog;

/// <summary>
/// When a silo is declared dead (killed, crashed, or found dead by a silo starting after a full
/// crash), wakes the tasks it hosted at once, so each is placed on its new owner and fires on its
/// next slot instead of waiting for its reminder or the overdue sweep. Every surviving silo reads
/// the dead silo's tasks and wakes those it now owns (<see cref="TaskOwners"/>), so the work is
/// shared and every wake-up is a local call; waking is idempotent, and the overdue sweep stays the backstop.
/// Running flow cycles are woken the same way (those on the dead silo come back on a live one and
/// go on; the others just answer), their reminders being the backstop.
/// </summary>
public sealed partial class DeadSiloSweep(
    ITaskCatalog catalog,
    Flows.IRunningCycles runningCycles,
    IGrainFactory grainFactory,
    IClusterMembershipService membership,
    SiloDepartures departures,
    ILocalSiloDetails silo,
    ILogger<DeadSiloSweep> logger) : SiloLoop(ServiceLifecycleStage.Active)
{
    private const int BatchSize = 500;

    /// <summary>Wakes the pending or running tasks last hosted on <paramref name="dead"/> that this silo now owns; returns how many.</summary>
    public async Task<int> WakeTasksOfAsync(SiloAddress dead, CancellationToken cancellationToken)
    {
        var woken = 0;
        var after = Guid.Empty;
        while (true)
        {
            var batch = await catalog.HostedOnAsync(dead.ToParsableString(), after, BatchSize, cancellationToken);
            var candidates = TaskOwners.Candidates(ActiveSilos(), departures.IsLeavingSilo);
            var mine = candidates.Count == 0 ? batch : batch.Where(id => TaskOwners.Pick(TaskOwners.GrainIdOf(id), candidates).Equals(silo.SiloAddress)).ToArray();
            await Parallel.ForEachAsync(mine, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken }, async (taskId, _) =>
            {
                try
                {
                    await grainFactory.GetTaskGrain(taskId).WakeAsync();
                }
                catch (Exception ex)
                {
                    LogWakeFailed(ex, taskId);
                }
            });
            woken += mine.Length;
            if (batch.Length < BatchSize)
            {
                return woken;
            }

            after = batch[^1];
        }
    }

    /// <summary>Wakes the running flow cycles this silo now owns (by the same rendezvous hash); returns how many.</summary>
    public async Task<int> WakeCyclesAsync(CancellationToken cancellationToken)
    {
        var candidates = TaskOwners.Candidates(ActiveSilos(), departures.IsLeavingSilo);
        var mine = (await runningCycles.ListAsync(cancellationToken))
            .Where(id => candidates.Count == 0 || TaskOwners.Pick(id, candidates).Equals(silo.SiloAddress))
            .ToArray();
        await Parallel.ForEachAsync(mine, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken }, async (cycle, _) =>
        {
            try
            {
                await grainFactory.GetGrain<Flows.IFlowCycleGrain>(cycle).AwaitAsync(TimeSpan.Zero);
            }
            catch (Exception ex)
            {
                LogCycleWakeFailed(ex, cycle);
            }
        });
        return mine.Length;
    }

    private SiloAddress[] ActiveSilos() =>
        [.. membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress)];

    /// <inheritdoc />
    protected override async Task RunAsync(CancellationToken stopping)
    {
        // From nothing: silos found dead while this one started (the old self it superseded after a
        // full crash, a silo that died meanwhile) count as just died.
        ClusterMembershipSnapshot? previous = null;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stopping))
                {
                    var died = snapshot.Members.Values
                        .Where(m => m.Status == SiloStatus.Dead && previous?.GetSiloStatus(m.SiloAddress) != SiloStatus.Dead)
                        .Select(m => m.SiloAddress)
                        .ToList();
                    previous = snapshot;
                    if (died.Count > 0 && snapshot.GetSiloStatus(silo.SiloAddress) == SiloStatus.Active)
                    {
                        foreach (var dead in died)
                        {
                            await SweepAsync(dead, stopping);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Whatever broke the watch (storage down, a membership hiccup), watch again.
                LogWatchFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
    }

    private async Task SweepAsync(SiloAddress dead, CancellationToken stopping)
    {
        try
        {
            var woken = await WakeTasksOfAsync(dead, stopping);
            var cycles = await WakeCyclesAsync(stopping);
            LogWoken(woken, cycles, dead);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            // The overdue sweep still wakes them, a few seconds later.
            LogSweepFailed(ex, dead);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Dead} died: woke the {Count} of its tasks and the {Cycles} running flow cycles this silo now owns")]
    private partial void LogWoken(int count, int cycles, SiloAddress dead);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not wake flow cycle {Cycle}")]
    private partial void LogCycleWakeFailed(Exception exception, GrainId cycle);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not wake the tasks of dead silo {Dead}; the overdue sweep will")]
    private partial void LogSweepFailed(Exception exception, SiloAddress dead);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching for dead silos failed; watching again")]
    private partial void LogWatchFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not wake task {TaskId}")]
    private partial void LogWakeFailed(Exception exception, Guid taskId);
}

using Actors.Grains.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Actors.Grains.Placement;

/// <summary>
/// Keeps every task grain on the silo that owns it (<see cref="TaskOwners"/>). When the active
/// silos change, each silo moves the local tasks that now belong elsewhere (a joining silo so
/// receives its share of the existing tasks, not only new ones). When this silo stops gracefully,
/// it first hands every local task to the others and lets its attempts in flight finish, so
/// nothing is abandoned and no slot is missed.
/// </summary>
public sealed partial class TaskRebalancer(
    LocalTaskActivations local,
    LocalAttempts attempts,
    SiloDepartures departures,
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    IGrainFactory grainFactory,
    IOptions<TaskPlacementOptions> options,
    TimeProvider clock,
    ILogger<TaskRebalancer> logger) : SiloLoop(ServiceLifecycleStage.Active + 1)
{
    /// <summary>How often the membership version is looked at.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>How long a membership change settles before tasks move (so a joining silo's grain types are known everywhere).</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    /// <summary>How long the announcement of a departure may take before the hand-off goes on without it.</summary>
    private static readonly TimeSpan AnnounceTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Relocation requests in flight at once.</summary>
    private const int Parallelism = 16;

    /// <summary>
    /// The hand-off. The rebalancer's stage is one after <c>Active</c>, so it stops before Orleans
    /// stops the silo's services and deactivates its grains (a later stage stops earlier), while
    /// the silo can still send and receive everything.
    /// </summary>
    protected override async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await base.OnStopAsync(cancellationToken);
        await HandOffAsync(cancellationToken);
    }

    /// <summary>Moves the local tasks that belong elsewhere; returns how many were asked to move.</summary>
    public async Task<int> RebalanceAsync(CancellationToken cancellationToken)
    {
        var active = ActiveSilos();
        if (!departures.IsLeaving && !active.Contains(silo.SiloAddress))
        {
            return 0;
        }

        var candidates = TaskOwners.Candidates(active, departures.IsLeavingSilo);
        var misplaced = local.Snapshot().Where(g => !TaskOwners.Pick(g, candidates).Equals(silo.SiloAddress)).ToArray();
        await RelocateAsync(misplaced, cancellationToken);
        return misplaced.Length;
    }

    private SiloAddress[] ActiveSilos() =>
        [.. membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress)];

    /// <inheritdoc />
    protected override async Task RunAsync(CancellationToken stopping)
    {
        var seen = membership.CurrentSnapshot.Version;
        var lastCheck = clock.GetUtcNow();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Poll, clock, stopping);
                var version = membership.CurrentSnapshot.Version;
                var changed = version != seen;
                if (!changed && clock.GetUtcNow() - lastCheck < options.Value.CheckPeriod)
                {
                    continue;
                }

                if (changed)
                {
                    await Task.Delay(Settle, clock, stopping);
                }

                seen = version;
                lastCheck = clock.GetUtcNow();
                var moved = await RebalanceAsync(stopping);
                if (moved > 0)
                {
                    LogMoving(moved, local.Count);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogRebalanceFailed(ex);
            }
        }
    }

    private async Task HandOffAsync(CancellationToken cancellationToken)
    {
        departures.Leave();
        var started = clock.GetUtcNow();
        await AnnounceDepartureAsync();
        var deadline = started + options.Value.HandOffWindow;
        var handedOff = local.Count;
        while (clock.GetUtcNow() < deadline && !cancellationToken.IsCancellationRequested && (local.Count > 0 || attempts.Count > 0))
        {
            if (ActiveSilos().All(s => s.Equals(silo.SiloAddress)))
            {
                // The last silo: nowhere to go; its attempts still get the window to finish.
                if (attempts.Count == 0)
                {
                    break;
                }
            }
            else
            {
                await RebalanceAsync(cancellationToken);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), clock, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        LogHandedOff(handedOff - local.Count, local.Count, attempts.Count, (clock.GetUtcNow() - started).TotalSeconds);
    }

    /// <summary>Tells every silo this one is leaving, so none places or moves a task here meanwhile.</summary>
    private async Task AnnounceDepartureAsync()
    {
        try
        {
            await grainFactory.GetGrain<IManagementGrain>(0)
                .SendControlCommandToProvider<SiloDepartures>(SiloDepartures.ControlName, SiloDepartures.LeavingCommand, silo.SiloAddress.ToParsableString())
                .WaitAsync(AnnounceTimeout);
        }
        catch (Exception ex)
        {
            LogAnnounceFailed(ex);
        }
    }

    private async Task RelocateAsync(GrainId[] grains, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(grains, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (grain, _) =>
        {
            try
            {
                await grainFactory.GetGrain<ITaskRelocation>(grain).RelocateAsync();
            }
            catch (Exception ex)
            {
                LogRelocateFailed(ex, grain);
            }
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "Moving {Count} of {Local} local tasks to the silos that now own them")]
    private partial void LogMoving(int count, int local);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task rebalancing failed; trying again shortly")]
    private partial void LogRebalanceFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other silos this one is leaving; handing tasks over anyway")]
    private partial void LogAnnounceFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not ask task {Grain} to move")]
    private partial void LogRelocateFailed(Exception exception, GrainId grain);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: handed {Moved} tasks to other silos; {Left} tasks and {Attempts} attempts still here after {Seconds:0.0} s")]
    private partial void LogHandedOff(int moved, int left, int attempts, double seconds);
}

using Actors.Grains.Placement;
using Orleans.Runtime;

namespace Actors.Grains.Health;

/// <summary>Answers from the local silo's membership snapshot (memory only).</summary>
[StatelessWorker, GrainType("cluster-view")]
internal sealed class ClusterViewGrain(IClusterMembershipService membership, ILocalSiloDetails silo, LocalTaskActivations localTasks) : Grain, IClusterViewGrain
{
    public Task<SiloView[]> GetSilosAsync() => Task.FromResult<SiloView[]>([.. membership.CurrentSnapshot.Members.Values
        .Where(m => m.Status != SiloStatus.Dead)
        .OrderBy(m => m.Name, StringComparer.Ordinal)
        .Select(m => new SiloView(
            m.SiloAddress.ToParsableString(),
            m.Name,
            m.Status.ToString().ToLowerInvariant(),
            m.SiloAddress.Equals(silo.SiloAddress) ? localTasks.Count : -1))]);
}

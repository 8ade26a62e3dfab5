using Orleans.Runtime;

namespace Actors.Grains.Placement;

/// <summary>Where a task grain belongs: the one rule the placement director and the rebalancer share.</summary>
public static class TaskOwners
{
    /// <summary>The silo among <paramref name="silos"/> that owns <paramref name="grain"/>.</summary>
    public static SiloAddress Pick(GrainId grain, IReadOnlyList<SiloAddress> silos) =>
        RendezvousHash.Pick(grain.GetUniformHashCode(), silos, static s => unchecked((uint)s.GetConsistentHashCode()));

    /// <summary>The grain id of the task grain <paramref name="taskId"/> (its grain type is <c>task</c>).</summary>
    public static GrainId GrainIdOf(Guid taskId) => GrainId.Create(GrainType.Create("task"), GrainIdKeyExtensions.CreateGuidKey(taskId));

    /// <summary>
    /// The silos a task may be placed on: <paramref name="silos"/> but not those that are
    /// leaving (unless every one is).
    /// </summary>
    public static IReadOnlyList<SiloAddress> Candidates(IReadOnlyList<SiloAddress> silos, Func<SiloAddress, bool> isLeaving)
    {
        var staying = silos.Where(s => !isLeaving(s)).ToArray();
        return staying.Length > 0 ? staying : silos;
    }
}

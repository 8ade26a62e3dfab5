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
    /// The silos a task may be placed on as <paramref name="self"/> sees them: all of
    /// <paramref name="silos"/>, but not <paramref name="self"/> while it is leaving (unless it is the last one).
    /// </summary>
    public static IReadOnlyList<SiloAddress> Candidates(IReadOnlyList<SiloAddress> silos, SiloAddress self, bool leaving)
    {
        if (!leaving || silos.Count <= 1)
        {
            return silos;
        }

        var others = silos.Where(s => !s.Equals(self)).ToArray();
        return others.Length > 0 ? others : silos;
    }
}

using Orleans.Runtime.Placement;

namespace Actors.Grains.Placement;

/// <summary>Places a task grain on its owner among the compatible silos (never on a silo that is leaving).</summary>
internal sealed class TaskPlacementDirector(SiloDepartures departures) : IPlacementDirector
{
    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, silos) is { } hint)
        {
            return Task.FromResult(hint);
        }

        return Task.FromResult(TaskOwners.Pick(target.GrainIdentity, TaskOwners.Candidates(silos, departures.IsLeavingSilo)));
    }
}

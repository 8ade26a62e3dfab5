namespace Actors.Grains.Placement;

/// <summary>Whether this silo is leaving the cluster (a graceful stop has begun): it then takes no new tasks.</summary>
public sealed class SiloDeparture
{
    private volatile bool _leaving;

    /// <summary>True once the stop has begun.</summary>
    public bool IsLeaving => _leaving;

    /// <summary>Marks the silo as leaving.</summary>
    public void Leave() => _leaving = true;
}

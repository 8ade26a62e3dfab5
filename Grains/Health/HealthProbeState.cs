namespace Actors.Grains.Health;

/// <summary>What the probe writes.</summary>
public sealed class HealthProbeState
{
    /// <summary>The last probe time.</summary>
    public DateTimeOffset Stamp { get; set; }
}

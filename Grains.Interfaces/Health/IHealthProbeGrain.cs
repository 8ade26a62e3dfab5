namespace Actors.Grains;

/// <summary>A real storage round trip for health checks: writes its state and reads it back.</summary>
[Alias("actors.IHealthProbeGrain")]
public interface IHealthProbeGrain : IGrainWithIntegerKey
{
    /// <summary>Writes and re-reads a stamp; returns the round trip in milliseconds.</summary>
    [Alias("probe")]
    Task<double> ProbeStorageAsync();
}

namespace Actors.Silo.Configuration;

/// <summary>The silo's Prometheus endpoint (section <c>Actors:Metrics</c>).</summary>
public sealed class MetricsSettings
{
    /// <summary>The port of <c>http://{AdvertisedIp}:{Port}/metrics</c>; 0 (the default) serves no metrics. <c>ops/run</c> gives each silo a free one.</summary>
    public int Port { get; set; }
}

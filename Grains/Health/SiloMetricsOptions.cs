namespace Actors.Grains.Health;

/// <summary>Where this silo's Prometheus endpoint is, as <c>/api/v1/status</c> shows it (null: none).</summary>
public sealed class SiloMetricsOptions
{
    /// <summary>The scrape URL.</summary>
    public string? Url { get; set; }
}

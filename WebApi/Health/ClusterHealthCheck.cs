using Actors.Grains;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.WebApi.Health;

/// <summary>The cluster: at least one active silo, as a silo's in-memory membership view says (no storage involved).</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var silos = await grains.GetClusterViewGrain().GetSilosAsync().WaitAsync(cancellationToken);
        var active = silos.Count(s => s.Status == "active");
        var data = new Dictionary<string, object> { ["active_silos"] = active };
        return active > 0 ? HealthCheckResult.Healthy(data: data) : HealthCheckResult.Unhealthy("No silo is active.", data: data);
    }
}

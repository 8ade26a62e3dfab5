using Actors.Grains;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.WebApi.Health;

/// <summary>Storage: a real write and read of a grain's state in PostgreSQL.</summary>
public sealed class StorageHealthCheck(IGrainFactory grains) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var latency = await grains.GetGrain<IHealthProbeGrain>(0).ProbeStorageAsync().WaitAsync(cancellationToken);
        return HealthCheckResult.Healthy(data: new Dictionary<string, object> { ["latency_ms"] = Math.Round(latency, 2) });
    }
}

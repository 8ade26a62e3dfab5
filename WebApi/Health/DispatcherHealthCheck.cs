using Actors.Grains;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.WebApi.Health;

/// <summary>The dispatcher switch: stopped is degraded (nothing runs), not unhealthy.</summary>
public sealed class DispatcherHealthCheck(IGrainFactory grains) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var running = await grains.GetDispatcherGrain().IsRunningAsync().WaitAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["is_running"] = running };
        return running ? HealthCheckResult.Healthy(data: data) : HealthCheckResult.Degraded("The dispatcher is stopped: no run starts until it is started.", data: data);
    }
}

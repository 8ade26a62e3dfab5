using Actors.WebApi.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.WebApi.Health;

/// <summary>The configuration the Web API runs with (it was validated at start, so this is always healthy).</summary>
public sealed class ConfigurationHealthCheck(ApiSettings settings) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy(data: new Dictionary<string, object>
        {
            ["clustering"] = settings.GatewayEndpoints.Length > 0 ? "static-gateways" : "postgresql",
            ["api_keys"] = settings.Api.ApiKeys.Length > 0,
            ["default_time_zone"] = settings.DefaultTimeZone,
        }));
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.WebApi.Health;

/// <summary>Registers the health checks behind <c>/health</c>.</summary>
public static class HealthServiceCollectionExtensions
{
    /// <summary>
    /// Each check has its own timeout and they run in parallel, so <c>/health</c> answers within
    /// about <see cref="CheckTimeout"/> whatever is down.
    /// </summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(1.5);

    /// <summary>Adds the cluster, storage, dispatcher and configuration checks.</summary>
    public static IServiceCollection AddActorsHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster", HealthStatus.Unhealthy, timeout: CheckTimeout)
            .AddCheck<StorageHealthCheck>("storage", HealthStatus.Unhealthy, timeout: CheckTimeout)
            .AddCheck<DispatcherHealthCheck>("dispatcher", HealthStatus.Degraded, timeout: CheckTimeout)
            .AddCheck<AgentsHealthCheck>("agents", HealthStatus.Degraded, timeout: CheckTimeout)
            .AddCheck<ConfigurationHealthCheck>("configuration", HealthStatus.Unhealthy, timeout: CheckTimeout);
        return services;
    }
}

using Actors.Grains;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.WebApi.Health;

/// <summary>The agents: how many are online, offline and draining, and the runs waiting for one. Agents are optional, so this is never unhealthy.</summary>
public sealed class AgentsHealthCheck(IGrainFactory grains) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var counts = await grains.GetAgentHubGrain().CountsAsync().WaitAsync(cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["online"] = counts.Online,
            ["offline"] = counts.Offline,
            ["draining"] = counts.Draining,
            ["runs_waiting"] = counts.Waiting,
            ["runs_on_agents"] = counts.Running,
        };
        return counts.Waiting > 0 && counts.Online == counts.Draining
            ? HealthCheckResult.Degraded($"{counts.Waiting} runs wait for an agent and no agent takes new runs.", data: data)
            : HealthCheckResult.Healthy(data: data);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.WebApi.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.WebApi.Endpoints;

/// <summary><c>/health</c> and <c>/api/v1/health</c>: the health checks in the seed's shape.</summary>
public static class HealthEndpoints
{
    /// <summary>The service version.</summary>
    public static readonly string Version = typeof(HealthEndpoints).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    /// <summary>Maps the health endpoints.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealthAsync).WithTags("Health").WithName("Health").WithSummary("Overall health with its checks.")
            .Produces<HealthView>(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/v1/health", GetHealthAsync).WithTags("Health").WithName("HealthV1").WithSummary("Overall health with its checks.")
            .Produces<HealthView>(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// Runs every check (in parallel, each with a timeout): <c>healthy</c>, <c>degraded</c> (the
    /// dispatcher is stopped) or <c>unhealthy</c> (no silo, or storage down; 503).
    /// </summary>
    public static async Task<Results<Ok<HealthView>, JsonHttpResult<HealthView>>> GetHealthAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var checks = new Dictionary<string, HealthCheckView>(StringComparer.Ordinal);
        foreach (var (name, entry) in report.Entries)
        {
            var details = new JsonObject();
            foreach (var (key, value) in entry.Data)
            {
                details[key] = JsonSerializer.SerializeToNode(value);
            }

            if (entry.Status != HealthStatus.Healthy)
            {
                details["error"] = entry.Exception?.GetBaseException().Message ?? entry.Description;
            }

            checks[name] = new HealthCheckView(entry.Status, details);
        }

        var body = new HealthView(report.Status, DateTimeOffset.UtcNow.ToString("O"), Version, checks);
        return report.Status == HealthStatus.Unhealthy ? TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable) : TypedResults.Ok(body);
    }
}

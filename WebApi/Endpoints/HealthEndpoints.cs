using System.Text.Json;
using System.Text.Json.Nodes;
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
        app.MapGet("/health", GetHealthAsync).WithTags("Health").WithName("Health").WithSummary("Overall health with its checks.");
        app.MapGet("/api/v1/health", GetHealthAsync).WithTags("Health").WithName("HealthV1").WithSummary("Overall health with its checks.");
    }

    /// <summary>
    /// Runs every check (in parallel, each with a timeout): <c>healthy</c>, <c>degraded</c> (the
    /// dispatcher is stopped) or <c>unhealthy</c> (no silo, or storage down; 503).
    /// </summary>
    public static async Task<Results<Ok<JsonObject>, JsonHttpResult<JsonObject>>> GetHealthAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var checks = new JsonObject();
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

            checks[name] = new JsonObject { ["status"] = Name(entry.Status), ["details"] = details };
        }

        var body = new JsonObject
        {
            ["status"] = Name(report.Status),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["version"] = Version,
            ["checks"] = checks,
        };
        return report.Status == HealthStatus.Unhealthy ? TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable) : TypedResults.Ok(body);
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}

using System.Text.Json.Nodes;
using Actors.Grains;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.WebApi.Endpoints;

/// <summary><c>/health</c> and <c>/api/v1/health</c>.</summary>
public static class HealthEndpoints
{
    private static readonly string Version = typeof(HealthEndpoints).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    /// <summary>Maps the health endpoints.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealthAsync).WithTags("Health").WithName("Health").WithSummary("Overall health with its checks.");
        app.MapGet("/api/v1/health", GetHealthAsync).WithTags("Health").WithName("HealthV1").WithSummary("Overall health with its checks.");
    }

    /// <summary>Checks the cluster (active silos) and the dispatcher.</summary>
    public static async Task<Results<Ok<JsonObject>, JsonHttpResult<JsonObject>>> GetHealthAsync(IGrainFactory grains)
    {
        var cluster = await CheckAsync(async () =>
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            return (hosts.Count > 0, new JsonObject { ["active_silos"] = hosts.Count });
        });
        var dispatcher = await CheckAsync(async () =>
        {
            var running = await grains.GetDispatcherGrain().IsRunningAsync();
            return (true, new JsonObject { ["is_running"] = running });
        });
        var healthy = cluster["status"]!.GetValue<string>() == "healthy";
        var status = !healthy ? "unhealthy" : dispatcher["status"]!.GetValue<string>() == "healthy" ? "healthy" : "degraded";
        var body = new JsonObject
        {
            ["status"] = status,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["version"] = Version,
            ["checks"] = new JsonObject { ["cluster"] = cluster, ["dispatcher"] = dispatcher },
        };
        return healthy ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<JsonObject> CheckAsync(Func<Task<(bool Ok, JsonObject Details)>> check)
    {
        try
        {
            var (ok, details) = await check().WaitAsync(TimeSpan.FromSeconds(3));
            return new JsonObject { ["status"] = ok ? "healthy" : "unhealthy", ["details"] = details };
        }
        catch (Exception ex)
        {
            return new JsonObject { ["status"] = "unhealthy", ["details"] = new JsonObject { ["error"] = ex.Message } };
        }
    }
}

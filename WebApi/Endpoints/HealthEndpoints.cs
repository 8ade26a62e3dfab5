using System.Text.Json.Nodes;
using Actors.Grains;
using Actors.WebApi.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.WebApi.Endpoints;

/// <summary><c>/health</c> and <c>/api/v1/health</c>.</summary>
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

    /// <summary>Checks the cluster (active silos) and the dispatcher.</summary>
    public static async Task<Results<Ok<JsonObject>, JsonHttpResult<JsonObject>>> GetHealthAsync(IGrainFactory grains, ApiSettings settings)
    {
        var cluster = await CheckAsync(async () =>
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            return (hosts.Count > 0, new JsonObject { ["active_silos"] = hosts.Count });
        });
        var storage = await CheckAsync(async () =>
        {
            var latency = await grains.GetGrain<IHealthProbeGrain>(0).ProbeStorageAsync();
            return (true, new JsonObject { ["latency_ms"] = Math.Round(latency, 2) });
        });
        var dispatcher = await CheckAsync(async () =>
        {
            var running = await grains.GetDispatcherGrain().IsRunningAsync();
            return (true, new JsonObject { ["is_running"] = running });
        });
        var configuration = new JsonObject
        {
            ["status"] = "healthy",
            ["details"] = new JsonObject
            {
                ["clustering"] = settings.GatewayEndpoints.Length > 0 ? "static-gateways" : "postgresql",
                ["api_keys"] = settings.Api.ApiKeys.Length > 0,
                ["default_time_zone"] = settings.DefaultTimeZone,
            },
        };
        static bool Ok(JsonObject check) => check["status"]!.GetValue<string>() == "healthy";
        var healthy = Ok(cluster) && Ok(storage);
        var status = !healthy ? "unhealthy" : Ok(dispatcher) ? "healthy" : "degraded";
        var body = new JsonObject
        {
            ["status"] = status,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["version"] = Version,
            ["checks"] = new JsonObject { ["cluster"] = cluster, ["storage"] = storage, ["dispatcher"] = dispatcher, ["configuration"] = configuration },
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

using System.Net;
using System.Threading.RateLimiting;
using Actors.WebApi.Agents;
using Actors.WebApi.Endpoints;
using Actors.WebApi.Health;
using Orleans.Configuration;
using Orleans.Dashboard;
using OpenTelemetry.Metrics;
using Orleans.Serialization;
using Scalar.AspNetCore;

namespace Actors.WebApi.Hosting;

/// <summary>Wires the Web API: configuration, the Orleans client, endpoints, dashboard.</summary>
public static class ApiHostExtensions
{
    /// <summary>Configures the API; false (after printing every problem) when the configuration is invalid.</summary>
    public static bool AddActorsApi(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Actors").Get<ApiSettings>() ?? new ApiSettings();
        var urls = (builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"] ?? "http://127.0.0.1:8080")
            .Split(';', StringSplitOptions.RemoveEmptyEntries);
        var problems = ApiSettingsValidator.Validate(settings, urls);
        if (problems.Count > 0)
        {
            Console.Error.WriteLine("Actors Web API: invalid configuration:\n  - " + string.Join("\n  - ", problems));
            return false;
        }

        builder.WebHost.UseUrls(urls);
        builder.Services.AddSingleton(settings);
        builder.Services.ConfigureHttpJsonOptions(o => Contracts.WireJson.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddConsoleSession();
        builder.Services.AddExceptionHandler<FaultHandler>();
        builder.Services.AddActorsHealthChecks();
        builder.Services.AddSingleton<ApiMetrics>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ApiMetrics>());
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ApiMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        builder.Services.AddOpenApi(OpenApiConventions.Apply);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = settings.Api.MaxRequestBodyBytes);
        builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
        {
            if (settings.Api.CorsOrigins.Length > 0)
            {
                p.WithOrigins(settings.Api.CorsOrigins).AllowAnyHeader().AllowAnyMethod();
            }
        }));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.Api.RateLimitPerSecond, Window = TimeSpan.FromSeconds(1), QueueLimit = 0 }));
            o.OnRejected = (context, _) => new ValueTask(Endpoints.Problems.Of(StatusCodes.Status429TooManyRequests, "Too many requests",
                $"More than {settings.Api.RateLimitPerSecond} requests per second from one client; slow down.").ExecuteAsync(context.HttpContext));
        });

        // Kestrel listens while the client is still looking for a silo.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            if (settings.GatewayEndpoints.Length > 0)
            {
                client.UseStaticClustering([.. settings.GatewayEndpoints.Select(e => IPEndPoint.Parse(e))]);
            }
            else
            {
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = settings.Postgres;
                });
            }

            client.UseConnectionRetryFilter<RetryForeverFilter>();

            // Re-read the gateways every few seconds (Orleans' default is a minute): after a silo
            // died or the whole cluster restarted, the client must find the live gateways at once,
            // not keep knocking at a dead one.
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));

            // A call to a grain on a silo that just died is not left hanging for Orleans' default 30 s.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));

            // PostgreSQL faults cross from the silos as what they are, so a database outage answers 503.
            client.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
            client.AddDashboard();
        });
        return true;
    }

    /// <summary>Maps every endpoint and the dashboard.</summary>
    public static void MapActorsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseRateLimiter();
        app.UseConsole();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15) });
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", o => o.WithTitle("Actors REST API"));
        app.MapHealth();
        app.MapTasks();
        app.MapTaskCommands();
        app.MapSchedulePreview();
        app.MapRuns();
        app.MapCluster();
        app.MapAgents();
        app.MapAgentSocket();
        app.MapFlows();
        app.MapConsole();
        app.MapOrleansDashboard(routePrefix: "/dashboard").ExcludeFromDescription();
    }
}

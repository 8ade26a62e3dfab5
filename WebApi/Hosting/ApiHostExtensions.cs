using System.Net;
using Actors.WebApi.Endpoints;
using Orleans.Configuration;
using Orleans.Dashboard;

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
        builder.Services.AddProblemDetails();

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
            client.AddDashboard();
        });
        return true;
    }

    /// <summary>Maps every endpoint and the dashboard.</summary>
    public static void MapActorsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.MapHealth();
        app.MapTasks();
        app.MapOrleansDashboard(routePrefix: "/dashboard");
    }
}

using Actors.Grains.Health;
using Actors.Silo.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace Actors.Silo.Hosting;

/// <summary>
/// OpenTelemetry metrics of a silo, on a Prometheus endpoint of its own
/// (<c>http://{AdvertisedIp}:{Actors:Metrics:Port}/metrics</c>): the Actors instruments
/// (<see cref="ActorsMetrics"/>), Orleans', Npgsql's, the webhook client's and the .NET runtime's.
/// </summary>
public static class SiloMetricsExtensions
{
    /// <summary>Adds the metrics; without a port, the instruments exist but nothing serves them.</summary>
    public static void AddActorsSiloMetrics(this IHostApplicationBuilder builder, SiloSettings settings)
    {
        var port = settings.Metrics.Port;
        var url = port > 0 ? $"http://{settings.Silo.AdvertisedIp}:{port}/metrics" : null;
        builder.Services.Configure<SiloMetricsOptions>(o => o.Url = url);
        if (port == 0)
        {
            return;
        }

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ActorsMetrics.MeterName, "Microsoft.Orleans", "Npgsql")
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusHttpListener(o =>
            {
                o.Host = settings.Silo.AdvertisedIp;
                o.Port = port;
            }));
    }
}

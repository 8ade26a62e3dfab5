using System.Net;
using Actors.Grains;
using Actors.Silo.Configuration;
using Actors.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Actors.Silo.Hosting;

/// <summary>Turns a host into an Actors silo: schema, Orleans on PostgreSQL, grains, dashboard.</summary>
public static class SiloHostBuilderExtensions
{
    /// <summary>Applies the schema (unless disabled) and configures the silo.</summary>
    public static async Task AddActorsSiloAsync(this IHostApplicationBuilder builder, SiloSettings settings)
    {
        if (settings.ApplySchema)
        {
            using var loggerFactory = LoggerFactory.Create(l => l.AddConsole());
            await SchemaInstaller.ApplyAsync(settings.Postgres, loggerFactory.CreateLogger("Actors.Schema"), CancellationToken.None);
        }

        builder.Services.AddActorsGrains();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            var endpoints = settings.Silo;
            silo.ConfigureEndpoints(IPAddress.Parse(endpoints.AdvertisedIp), endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: false);
            silo.Configure<SiloOptions>(o => o.SiloName = endpoints.Name ?? $"{Environment.MachineName}-{endpoints.SiloPort}");
            silo.UseActorsPostgres(settings.Postgres);
            silo.Configure<ReminderOptions>(o =>
            {
                o.MinimumReminderPeriod = TimeSpan.FromSeconds(settings.Scheduling.MinimumReminderPeriodSeconds);
                o.RefreshReminderListPeriod = TimeSpan.FromSeconds(settings.Scheduling.ReminderRefreshSeconds);
            });

            // Notice a dead silo in seconds, and do not stall for a minute and a half when the whole
            // cluster restarts after a crash (orleans-notes: ~5 s and ~18 s with these values).
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(2);
                o.NumMissedProbesLimit = 2;
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
                o.NumMissedTableIAmAliveLimit = 3;
            });
            silo.AddDashboard();
        });
    }
}

using Actors.Grains.Agents;
using System.Net;
using Actors.Grains;
using Actors.Grains.History;
using Actors.Grains.Placement;
using Actors.Silo.Configuration;
using Actors.Silo.Hosting.Logging;
using Actors.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;

namespace Actors.Silo.Hosting;

/// <summary>Turns a host into an Actors silo: schema, Orleans on PostgreSQL, grains, dashboard.</summary>
public static class SiloHostBuilderExtensions
{
    /// <summary>How long a starting silo waits for an unreachable PostgreSQL (an outage, a database still starting) before it gives up.</summary>
    public static readonly TimeSpan StartupWait = TimeSpan.FromMinutes(5);

    /// <summary>Applies the schema (unless disabled) and configures the silo.</summary>
    public static async Task AddActorsSiloAsync(this IHostApplicationBuilder builder, SiloSettings settings)
    {
        if (settings.ApplySchema)
        {
            using var loggerFactory = LoggerFactory.Create(l => l.AddConsole());
            await SchemaInstaller.ApplyAsync(settings.Postgres, loggerFactory.CreateLogger("Actors.Schema"), CancellationToken.None, StartupWait);
        }

        builder.Logging.AddRateLimitedConsole();
        builder.Services.AddActorsGrains();
        var handOff = TimeSpan.FromSeconds(settings.Silo.HandOffSeconds);
        builder.Services.Configure<TaskPlacementOptions>(o => o.HandOffWindow = handOff);
        builder.Services.Configure<RunHistoryOptions>(o =>
        {
            o.MaxRunsPerTask = settings.History.MaxRunsPerTask;
            o.MaxAge = TimeSpan.FromDays(settings.History.MaxAgeDays);
        });
        builder.Services.Configure<AgentHubOptions>(o =>
        {
            o.HeartbeatInterval = TimeSpan.FromSeconds(settings.Agents.HeartbeatSeconds);
            o.HeartbeatTimeout = TimeSpan.FromSeconds(settings.Agents.HeartbeatTimeoutSeconds);
            o.LeaseGrace = TimeSpan.FromSeconds(settings.Agents.LeaseGraceSeconds);
            o.OfferTimeout = TimeSpan.FromSeconds(settings.Agents.OfferTimeoutSeconds);
        });

        builder.AddActorsSiloMetrics(settings);

        // The hand-off, then Orleans' own stop (deactivations, leaving the membership table).
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = handOff + TimeSpan.FromSeconds(30));
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

            // Notice a dead silo in seconds (about 5 s), and do not stall for a minute and a half when
            // the whole cluster restarts after a crash: a silo restarted on its old endpoint supersedes
            // its dead entry at once; on a new endpoint it waits until the dead entries' liveness
            // stamps are 3 x 3 s old.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(2);
                o.NumMissedProbesLimit = 2;
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(3);
                o.NumMissedTableIAmAliveLimit = 3;
            });
            silo.AddDashboard();

            // PostgreSQL faults reach the Web API as what they are (it answers 503 for them), not as
            // "no codec for NpgsqlException".
            silo.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
        });
    }
}

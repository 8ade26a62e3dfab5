using System.Net;
using Npgsql;

namespace Actors.Silo.Configuration;

/// <summary>Checks every setting at once, so a bad configuration fails with one message that names every problem.</summary>
public static class SiloSettingsValidator
{
    /// <summary>Every problem, empty when the settings are usable.</summary>
    public static IReadOnlyList<string> Validate(SiloSettings settings)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(settings.Postgres))
        {
            problems.Add("Actors:Postgres is empty: set the PostgreSQL connection string (environment variable Actors__Postgres), e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=actors.");
        }
        else
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(settings.Postgres);
            }
            catch (ArgumentException ex)
            {
                problems.Add($"Actors:Postgres is not a valid connection string: {ex.Message}");
            }
        }

        RequireText(problems, "Actors:ClusterId", settings.ClusterId);
        RequireText(problems, "Actors:ServiceId", settings.ServiceId);
        RequirePort(problems, "Actors:Silo:SiloPort", settings.Silo.SiloPort);
        RequirePort(problems, "Actors:Silo:GatewayPort", settings.Silo.GatewayPort);
        if (settings.Silo.SiloPort == settings.Silo.GatewayPort)
        {
            problems.Add($"Actors:Silo:SiloPort and Actors:Silo:GatewayPort are both {settings.Silo.SiloPort}: give them different ports.");
        }

        if (!IPAddress.TryParse(settings.Silo.AdvertisedIp, out _))
        {
            problems.Add($"Actors:Silo:AdvertisedIp '{settings.Silo.AdvertisedIp}' is not an IP address: use e.g. 127.0.0.1.");
        }

        if (settings.Silo.HandOffSeconds is < 0 or > 3600)
        {
            problems.Add($"Actors:Silo:HandOffSeconds must be between 0 and 3600; got {settings.Silo.HandOffSeconds}.");
        }

        if (settings.Scheduling.MinimumReminderPeriodSeconds is < 1 or > 3600)
        {
            problems.Add($"Actors:Scheduling:MinimumReminderPeriodSeconds must be between 1 and 3600; got {settings.Scheduling.MinimumReminderPeriodSeconds}.");
        }

        if (settings.Scheduling.ReminderRefreshSeconds is < 1 or > 3600)
        {
            problems.Add($"Actors:Scheduling:ReminderRefreshSeconds must be between 1 and 3600; got {settings.Scheduling.ReminderRefreshSeconds}.");
        }

        if (settings.History.MaxRunsPerTask is < 1 or > 1_000_000)
        {
            problems.Add($"Actors:History:MaxRunsPerTask must be between 1 and 1000000; got {settings.History.MaxRunsPerTask}.");
        }

        if (settings.History.MaxAgeDays is < 1 or > 3650)
        {
            problems.Add($"Actors:History:MaxAgeDays must be between 1 and 3650; got {settings.History.MaxAgeDays}.");
        }

        if (settings.Metrics.Port is < 0 or > 65535)
        {
            problems.Add($"Actors:Metrics:Port must be a TCP port (or 0: no metrics endpoint); got {settings.Metrics.Port}.");
        }

        var agents = settings.Agents;
        foreach (var (key, value) in new[] { ("HeartbeatSeconds", agents.HeartbeatSeconds), ("HeartbeatTimeoutSeconds", agents.HeartbeatTimeoutSeconds), ("LeaseGraceSeconds", agents.LeaseGraceSeconds), ("OfferTimeoutSeconds", agents.OfferTimeoutSeconds) })
        {
            if (value is < 1 or > 3600)
            {
                problems.Add($"Actors:Agents:{key} must be between 1 and 3600 seconds; got {value}.");
            }
        }

        if (agents.HeartbeatTimeoutSeconds <= agents.HeartbeatSeconds)
        {
            problems.Add($"Actors:Agents:HeartbeatTimeoutSeconds ({agents.HeartbeatTimeoutSeconds}) must be longer than HeartbeatSeconds ({agents.HeartbeatSeconds}), or every agent looks silent.");
        }

        return problems;
    }

    private static void RequireText(List<string> problems, string key, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{key} is empty: give it a name, e.g. 'actors'.");
        }
    }

    private static void RequirePort(List<string> problems, string key, int port)
    {
        if (port is < 1 or > 65535)
        {
            problems.Add($"{key} must be a TCP port between 1 and 65535; got {port}.");
        }
    }
}

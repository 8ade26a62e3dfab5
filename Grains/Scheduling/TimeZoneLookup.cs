using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace Actors.Grains.Scheduling;

/// <summary>Finds a task's time zone by its IANA id.</summary>
public static class TimeZoneLookup
{
    /// <summary>
    /// Finds the zone named by the IANA id <paramref name="id"/> (for example <c>Europe/Berlin</c> or <c>UTC</c>)
    /// in the tz database. Windows ids are refused so that every stored id means the same thing on every machine.
    /// </summary>
    /// <remarks>
    /// Cron occurrences come from Cronos, which reads the zone from the system (<see cref="ForCron"/>), so a
    /// zone must be known there too; every other local-time rule reads NodaTime's copy of the database.
    /// </remarks>
    /// <returns>True and the zone; or false and a message saying what is wrong and how to fix it.</returns>
    public static bool TryFind(string? id, [NotNullWhen(true)] out DateTimeZone? zone, out string error)
    {
        zone = null;
        error = "";
        if (string.IsNullOrWhiteSpace(id))
        {
            error = "time_zone is empty; give an IANA time zone id such as \"Europe/Berlin\" or \"UTC\".";
            return false;
        }

        var trimmed = id.Trim();
        if (trimmed.Equals("UTC", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("Etc/UTC", StringComparison.OrdinalIgnoreCase))
        {
            zone = DateTimeZone.Utc;
            return true;
        }

        zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(trimmed);
        if (zone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out _))
        {
            return true;
        }

        zone = null;
        error = $"time_zone \"{Shorten(trimmed)}\" is not a known IANA time zone id; use one such as \"Europe/Berlin\", \"America/New_York\", \"Asia/Shanghai\" or \"UTC\".";
        return false;
    }

    /// <summary>The system's copy of a zone <see cref="TryFind"/> found, for Cronos.</summary>
    public static TimeZoneInfo ForCron(DateTimeZone zone) =>
        zone == DateTimeZone.Utc ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zone.Id);

    private static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 61), "...");
}

using System.Diagnostics.CodeAnalysis;

namespace Actors.Grains;

/// <summary>Finds a task's time zone by its IANA id.</summary>
public static class TimeZoneLookup
{
    /// <summary>The zone used when a task names none.</summary>
    public const string DefaultId = "UTC";

    /// <summary>
    /// Finds the zone named by the IANA id <paramref name="id"/> (for example <c>Europe/Berlin</c> or <c>UTC</c>).
    /// Windows ids are refused so that every stored id means the same thing on every machine.
    /// </summary>
    /// <returns>True and the zone; or false and a message saying what is wrong and how to fix it.</returns>
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone, out string error)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            error = "time_zone is empty; give an IANA time zone id such as \"Europe/Berlin\" or \"UTC\".";
            return false;
        }

        var trimmed = id.Trim();
        if (trimmed.Equals("UTC", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("Etc/UTC", StringComparison.OrdinalIgnoreCase))
        {
            zone = TimeZoneInfo.Utc;
            error = "";
            return true;
        }

        if (trimmed.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var found) && found.HasIanaId)
        {
            zone = found;
            error = "";
            return true;
        }

        error = $"time_zone \"{Shorten(trimmed)}\" is not a known IANA time zone id; use one such as \"Europe/Berlin\", \"America/New_York\", \"Asia/Shanghai\" or \"UTC\".";
        return false;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 61), "...");
}

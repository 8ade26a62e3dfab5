using System.Globalization;
using System.Text.RegularExpressions;
using Actors.Grains.Scheduling;
using NodaTime;

namespace Actors.Grains.Validation;

/// <summary>
/// Resolves <c>task_end_time</c>: a date <c>yyyy-MM-dd</c> means the end of that day in the task's zone
/// (the next local midnight); an ISO 8601 date-time with an offset or <c>Z</c> is that instant; a date-time
/// without an offset is a local time in the task's zone.
/// </summary>
public static partial class TaskEndTime
{
    private const string Examples = "write a date such as \"2026-02-08\" (the end of that day in the task's time zone) or an ISO 8601 date-time such as \"2026-02-08T18:00:00+01:00\", \"2026-02-08T17:00:00Z\" or \"2026-02-08T18:00:00\" (local to the task's time zone)";

    /// <summary>Resolves <paramref name="text"/> in <paramref name="zone"/> to an instant with a zero offset.</summary>
    /// <returns>True and the instant; or false and a message saying what is wrong and how to fix it.</returns>
    public static bool TryResolve(string text, DateTimeZone zone, out DateTimeOffset endAt, out string error)
    {
        endAt = default;
        var match = text is null ? null : IsoPattern().Match(text.Trim());
        if (match is null || !match.Success)
        {
            error = $"task_end_time \"{Shorten(text)}\" is not a date or date-time; {Examples}.";
            return false;
        }

        var year = Number(match, "year");
        var month = Number(match, "month");
        var day = Number(match, "day");
        if (year is < 1 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = $"task_end_time \"{text!.Trim()}\" names a day that does not exist; {Examples}.";
            return false;
        }

        var date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        if (!match.Groups["hour"].Success)
        {
            endAt = new ZoneClock(zone).InstantOf(date.AddDays(1));
            error = "";
            return true;
        }

        var hour = Number(match, "hour");
        var minute = Number(match, "minute");
        var second = match.Groups["second"].Success ? Number(match, "second") : 0;
        if (hour > 23 || minute > 59 || second > 59)
        {
            error = $"task_end_time \"{text!.Trim()}\" has a time of day that does not exist; {Examples}.";
            return false;
        }

        var fraction = match.Groups["fraction"].Success
            ? long.Parse(match.Groups["fraction"].Value.PadRight(7, '0'), CultureInfo.InvariantCulture)
            : 0;
        var local = date.Add(new TimeSpan(hour, minute, second)).AddTicks(fraction);
        var offsetGroup = match.Groups["offset"];
        if (!offsetGroup.Success)
        {
            endAt = new ZoneClock(zone).InstantOf(local);
            error = "";
            return true;
        }

        var offset = TimeSpan.Zero;
        if (!offsetGroup.Value.Equals("Z", StringComparison.OrdinalIgnoreCase))
        {
            var offsetHours = Number(match, "offsetHours");
            var offsetMinutes = Number(match, "offsetMinutes");
            if (offsetHours > 14 || offsetMinutes > 59 || (offsetHours == 14 && offsetMinutes > 0))
            {
                error = $"task_end_time \"{text!.Trim()}\" has an offset outside ±14:00; {Examples}.";
                return false;
            }

            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (offsetGroup.Value[0] == '-')
            {
                offset = -offset;
            }
        }

        endAt = new DateTimeOffset(local, offset).ToUniversalTime();
        error = "";
        return true;
    }

    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");

    [GeneratedRegex(
        @"^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})(?:[Tt ](?<hour>[0-9]{2}):(?<minute>[0-9]{2})(?::(?<second>[0-9]{2})(?:\.(?<fraction>[0-9]{1,7}))?)?(?<offset>[Zz]|[+-](?<offsetHours>[0-9]{2}):?(?<offsetMinutes>[0-9]{2}))?)?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex IsoPattern();
}

using System.Globalization;
using Actors.Grains;
using Actors.Grains.Scheduling;

namespace Actors.UnitTests.Scheduling;

/// <summary>Builders that keep the schedule tests short.</summary>
internal static class Schedules
{
    public static NextRunCalculator Interval(int seconds, string zone = "UTC", DailyWindow? window = null, string? end = null) =>
        new(new ScheduleSpec { Mode = ScheduleMode.Interval, IntervalSeconds = seconds, TimeZone = zone, Window = window, TaskEndTime = end });

    public static NextRunCalculator Daily(string zone, params string[] at) =>
        new(new ScheduleSpec { Mode = ScheduleMode.Daily, DailyAt = at, TimeZone = zone });

    public static NextRunCalculator Cron(string cron, string zone = "UTC", DailyWindow? window = null) =>
        new(new ScheduleSpec { Mode = ScheduleMode.Cron, Cron = cron, TimeZone = zone, Window = window });

    /// <summary>Parses an ISO 8601 instant with its offset, e.g. <c>2026-03-29T03:00:00+02:00</c>.</summary>
    public static DateTimeOffset At(string iso) =>
        DateTimeOffset.ParseExact(iso, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None);

    /// <summary>The first <paramref name="count"/> slots after <paramref name="anchor"/>, walking <see cref="NextRunCalculator.Next"/>.</summary>
    public static List<DateTimeOffset> Walk(NextRunCalculator calculator, DateTimeOffset anchor, int count)
    {
        var slots = new List<DateTimeOffset>();
        var slot = anchor;
        while (slots.Count < count && calculator.Next(slot) is { } next)
        {
            slots.Add(next);
            slot = next;
        }

        return slots;
    }
}

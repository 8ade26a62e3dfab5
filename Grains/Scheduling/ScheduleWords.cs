using System.Globalization;

namespace Actors.Grains.Scheduling;

/// <summary>A schedule in plain English, e.g. "every 5 min between 08:00 and 22:00 (Asia/Shanghai), until 2099-02-08".</summary>
public static class ScheduleWords
{
    /// <summary>Describes a valid spec.</summary>
    public static string Describe(ScheduleSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var when = spec.Mode switch
        {
            ScheduleMode.Interval => "every " + Duration(spec.IntervalSeconds),
            ScheduleMode.Daily => "every day at " + List(spec.DailyAt),
            ScheduleMode.Cron => $"on cron '{spec.Cron}'",
            _ => spec.RunAt is { } at ? "once at " + at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "once",
        };
        var parts = new List<string> { when };
        if (spec.Window is { IsAllDay: false } window)
        {
            parts.Add($"between {Clock(window.StartMinute)} and {Clock(window.EndMinute)}" + (window.WrapsMidnight ? " (over midnight)" : ""));
        }

        if (spec.Mode != ScheduleMode.Once || spec.Window is { IsAllDay: false })
        {
            parts.Add($"({spec.TimeZone})");
        }

        var text = string.Join(' ', parts);
        if (spec.StartTime is { } start && spec.Mode != ScheduleMode.Once)
        {
            text += ", from " + start.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        }

        return spec.TaskEndTime is { } end ? $"{text}, until {end}" : text;
    }

    /// <summary>Seconds as the largest whole units: 90 → "1 min 30 s", 3600 → "1 h", 86400 → "1 day".</summary>
    public static string Duration(int seconds)
    {
        if (seconds <= 0)
        {
            return "0 s";
        }

        var units = new (int Size, string Name)[] { (86_400, "day"), (3_600, "h"), (60, "min"), (1, "s") };
        var parts = new List<string>();
        foreach (var (size, name) in units)
        {
            var count = seconds / size;
            seconds %= size;
            if (count > 0)
            {
                parts.Add(name == "day" ? $"{count} day{(count == 1 ? "" : "s")}" : $"{count} {name}");
            }
        }

        return string.Join(' ', parts);
    }

    private static string List(string[] times) => times.Length switch
    {
        0 => "(no times)",
        1 => times[0],
        _ => string.Join(", ", times[..^1]) + " and " + times[^1],
    };

    private static string Clock(int minuteOfDay) => $"{minuteOfDay / 60:00}:{minuteOfDay % 60:00}";
}

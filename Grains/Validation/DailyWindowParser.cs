namespace Actors.Grains.Validation;

/// <summary>
/// Reads the two wire forms of a <see cref="DailyWindow"/>:
/// <c>valid_time_range: [8, 22]</c> (whole hours) and <c>time_slot: {"start_time": "08:00", "end_time": "22:30"}</c>.
/// </summary>
public static class DailyWindowParser
{
    /// <summary>
    /// <c>[start, end]</c> in whole hours 0–24, end exclusive: <c>[8, 22]</c> is 08:00–22:00, <c>[22, 6]</c> wraps
    /// midnight, <c>[0, 24]</c> is the whole day. Equal values are refused.
    /// </summary>
    public static DailyWindowParseResult FromHourRange(IReadOnlyList<int>? hours)
    {
        const string Example = "e.g. [8, 22] for 08:00–22:00, [22, 6] for a night window, [0, 24] for the whole day";
        if (hours is null || hours.Count != 2)
        {
            var got = hours is null ? "nothing" : $"{hours.Count} values";
            return DailyWindowParseResult.Fail($"valid_time_range must be exactly two whole hours [start, end]; got {got}; {Example}.");
        }

        var (start, end) = (hours[0], hours[1]);
        if (start is < 0 or > 23 || end is < 0 or > 24)
        {
            return DailyWindowParseResult.Fail($"valid_time_range hours must be 0–23 for the start and 0–24 for the end; got [{start}, {end}]; {Example}.");
        }

        if (start == end)
        {
            return DailyWindowParseResult.Fail($"valid_time_range start and end are both {start}, which leaves no time to run; {Example}.");
        }

        return DailyWindowParseResult.Ok(new DailyWindow(start * 60, end * 60));
    }

    /// <summary>
    /// <c>start_time</c>–<c>end_time</c> as <c>HH:mm</c>, end exclusive; <c>24:00</c> is allowed as the end, an end at or
    /// before the start wraps midnight, equal times are refused.
    /// </summary>
    public static DailyWindowParseResult FromTimeSlot(string? start, string? end)
    {
        const string Example = "e.g. {\"start_time\": \"08:00\", \"end_time\": \"22:30\"}";
        if (!LocalTimeOfDay.TryParseMinuteOfDay(start, allowEndOfDay: false, out var startMinute, out var startError))
        {
            return DailyWindowParseResult.Fail($"time_slot.start_time: {startError}");
        }

        if (!LocalTimeOfDay.TryParseMinuteOfDay(end, allowEndOfDay: true, out var endMinute, out var endError))
        {
            return DailyWindowParseResult.Fail($"time_slot.end_time: {endError}");
        }

        if (startMinute == endMinute % 1440 && !(startMinute == 0 && endMinute == 1440))
        {
            return DailyWindowParseResult.Fail($"time_slot start_time and end_time are the same time ({start!.Trim()}), which leaves no time to run; {Example}, or 00:00–24:00 for the whole day.");
        }

        return DailyWindowParseResult.Ok(new DailyWindow(startMinute, endMinute));
    }

    /// <summary>What is wrong with a window built in code rather than parsed, or null when it is well formed.</summary>
    public static string? Check(DailyWindow window)
    {
        if (window.StartMinute is < 0 or > 1439 || window.EndMinute is < 0 or > 1440)
        {
            return $"the daily window must start at minute 0–1439 and end at minute 0–1440 after midnight; got {window.StartMinute}–{window.EndMinute}; e.g. [8, 22] or 08:00–22:30.";
        }

        if (window.StartMinute == window.EndMinute % 1440 && !window.IsAllDay)
        {
            return $"the daily window starts and ends at the same time ({LocalTimeOfDay.FormatMinuteOfDay(window.StartMinute)}), which leaves no time to run; give different times, or [0, 24] for the whole day.";
        }

        return null;
    }
}

namespace Actors.Grains.Validation;

/// <summary>Parses the local times of day a client writes: <c>HH:mm</c> and <c>HH:mm:ss</c>, 24-hour clock.</summary>
public static class LocalTimeOfDay
{
    /// <summary>
    /// Parses <c>HH:mm</c> or <c>HH:mm:ss</c> (the hour may have one digit) into a time of day.
    /// </summary>
    /// <returns>True and the time; or false and a message that says what is wrong and gives an example.</returns>
    public static bool TryParse(string? text, out TimeOnly time, out string error)
    {
        time = default;
        if (!TryParseParts(text, allowSeconds: true, out var hour, out var minute, out var second) || hour > 23)
        {
            error = $"\"{Quote(text)}\" is not a time of day; write HH:mm or HH:mm:ss on a 24-hour clock, e.g. \"09:00\" or \"18:30:15\".";
            return false;
        }

        time = new TimeOnly(hour, minute, second);
        error = "";
        return true;
    }

    /// <summary>
    /// Parses <c>HH:mm</c> into minutes after midnight (0–1440). <c>24:00</c> (1440) is accepted only when
    /// <paramref name="allowEndOfDay"/> is true.
    /// </summary>
    public static bool TryParseMinuteOfDay(string? text, bool allowEndOfDay, out int minuteOfDay, out string error)
    {
        minuteOfDay = 0;
        if (TryParseParts(text, allowSeconds: false, out var hour, out var minute, out _)
            && (hour < 24 || (allowEndOfDay && hour == 24 && minute == 0)))
        {
            minuteOfDay = (hour * 60) + minute;
            error = "";
            return true;
        }

        var range = allowEndOfDay ? "00:00 to 24:00" : "00:00 to 23:59";
        error = $"\"{Quote(text)}\" is not a time of day; write HH:mm from {range}, e.g. \"08:00\" or \"22:30\".";
        return false;
    }

    /// <summary>Formats minutes after midnight (0–1440) as <c>HH:mm</c>; 1440 is <c>24:00</c>.</summary>
    public static string FormatMinuteOfDay(int minuteOfDay) =>
        $"{minuteOfDay / 60:00}:{minuteOfDay % 60:00}";

    private static bool TryParseParts(string? text, bool allowSeconds, out int hour, out int minute, out int second)
    {
        hour = minute = second = 0;
        if (text is null)
        {
            return false;
        }

        var parts = text.Trim().Split(':');
        if (parts.Length is < 2 or > 3 || (parts.Length == 3 && !allowSeconds))
        {
            return false;
        }

        return TryNumber(parts[0], 1, 2, 24, out hour)
            && TryNumber(parts[1], 2, 2, 59, out minute)
            && (parts.Length == 2 || TryNumber(parts[2], 2, 2, 59, out second));
    }

    private static bool TryNumber(string part, int minDigits, int maxDigits, int max, out int value)
    {
        value = 0;
        if (part.Length < minDigits || part.Length > maxDigits)
        {
            return false;
        }

        foreach (var c in part)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return value <= max;
    }

    private static string Quote(string? text) => text is null ? "" : text.Length <= 32 ? text : string.Concat(text.AsSpan(0, 29), "...");
}

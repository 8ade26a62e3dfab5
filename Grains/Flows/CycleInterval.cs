using System.Globalization;
using System.Text.RegularExpressions;

namespace Actors.Grains.Flows;

/// <summary>The seed's <c>cycle_interval</c>: <c>"30s"</c>, <c>"1m"</c>, <c>"2h"</c>, <c>"1d"</c>, combinations such as <c>"1h30m"</c>, or whole seconds.</summary>
public static partial class CycleInterval
{
    /// <summary>The interval in seconds, or null and why not.</summary>
    public static int? Parse(string text, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var plain))
        {
            return Positive(plain, text, out error);
        }

        var match = Pattern().Match(trimmed);
        if (!match.Success || trimmed.Length == 0)
        {
            error = $"cycle_interval must be a duration such as \"30s\", \"1m\", \"2h\", \"1d\" or \"1h30m\" (or whole seconds); got \"{text}\".";
            return null;
        }

        long seconds = 0;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = part.Value[^1];
            if (!long.TryParse(part.Value[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > int.MaxValue)
            {
                error = $"cycle_interval \"{text}\" is too long; the longest is 366 days.";
                return null;
            }

            seconds += amount * (unit switch { 'd' => 86_400L, 'h' => 3_600L, 'm' => 60L, _ => 1L });
        }

        return seconds > int.MaxValue ? Positive(int.MaxValue, text, out error) : Positive((int)seconds, text, out error);
    }

    private static int? Positive(int seconds, string text, out string? error)
    {
        error = seconds <= 0 ? $"cycle_interval must be at least 1 second; got \"{text}\"." : null;
        return error is null ? seconds : null;
    }

    [GeneratedRegex("^(?<part>[0-9]+[dhms])+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

using System.Diagnostics.CodeAnalysis;
using Cronos;

namespace Actors.Grains.Validation;

/// <summary>
/// Parses a task's cron expression: 5 fields (minute hour day-of-month month day-of-week), 6 fields
/// (seconds first), or a macro such as <c>@daily</c>. Jitter (<c>H</c>) is not supported.
/// </summary>
public static class CronExpressionParser
{
    private const string Examples = "e.g. \"*/5 * * * *\" (every 5 minutes), \"0 9 * * MON-FRI\" (09:00 on weekdays) or, with seconds first, \"30 0 */2 * * *\"";

    // Cronos searches up to this year for the next occurrence; an expression with none from here never fires.
    private static readonly DateTimeOffset NeverFiresProbe = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <returns>True and the expression; or false and a message that says what is wrong and gives an example.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out CronExpression? expression, out string error)
    {
        expression = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"cron is required when schedule_mode is cron; {Examples}.";
            return false;
        }

        var trimmed = text.Trim();
        var fields = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var isMacro = trimmed.StartsWith('@');
        if (!isMacro && fields.Length is not (5 or 6))
        {
            error = $"cron \"{Shorten(trimmed)}\" has {fields.Length} fields; give 5 (minute hour day-of-month month day-of-week) or 6 (seconds first), {Examples}.";
            return false;
        }

        var format = !isMacro && fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        try
        {
            expression = CronExpression.Parse(string.Join(' ', fields), format);
        }
        catch (CronFormatException ex)
        {
            error = $"cron \"{Shorten(trimmed)}\" is not valid ({ex.Message.TrimEnd('.')}); {Examples}.";
            return false;
        }
        catch (MissingSeedException)
        {
            error = $"cron \"{Shorten(trimmed)}\" uses H (jitter), which is not supported; write the exact values, {Examples}.";
            return false;
        }

        if (expression.GetNextOccurrence(NeverFiresProbe, TimeZoneInfo.Utc) is null)
        {
            expression = null;
            error = $"cron \"{Shorten(trimmed)}\" never fires (for example it names 30 February); {Examples}.";
            return false;
        }

        error = "";
        return true;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 61), "...");
}

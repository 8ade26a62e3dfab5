using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Actors.Grains.History;

/// <summary>Where a page of runs (newest first) ended: the last run's start, run id and attempt, as an opaque token.</summary>
public sealed record RunCursor(DateTimeOffset StartedAt, string RunId, int Attempt)
{
    /// <summary>The token.</summary>
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{StartedAt.UtcTicks}|{Attempt}|{RunId}")));

    /// <summary>Reads a token; null when it is not one.</summary>
    public static RunCursor? Decode(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|', 3);
            return parts.Length == 3
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var attempt)
                ? new RunCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[2], attempt)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Whether a run comes after this cursor in newest-first order.</summary>
    public bool IsBefore(DateTimeOffset startedAt, string runId, int attempt) =>
        startedAt < StartedAt
        || (startedAt == StartedAt && (string.CompareOrdinal(runId, RunId) < 0 || (runId == RunId && attempt < Attempt)));
}

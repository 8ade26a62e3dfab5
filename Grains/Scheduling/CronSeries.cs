using Cronos;

namespace Actors.Grains.Scheduling;

/// <summary>
/// A cron expression in a zone, with Cronos' DST rules: an occurrence skipped by a spring-forward
/// change happens just after the gap; in a repeated hour, interval expressions (<c>*/5</c>) fire in
/// both passes and fixed-time expressions fire once.
/// </summary>
internal sealed class CronSeries(CronExpression expression, TimeZoneInfo zone) : IOccurrenceSeries
{
    public DateTimeOffset? NextAfter(DateTimeOffset instant) =>
        expression.GetNextOccurrence(instant, zone, inclusive: false)?.ToUniversalTime();

    public DateTimeOffset? LatestAtOrBefore(DateTimeOffset instant) =>
        expression.GetPreviousOccurrence(instant, zone, inclusive: true)?.ToUniversalTime();
}

namespace Actors.Benchmarks;

/// <summary>Slot arithmetic of an interval task: slots at start + k × interval, k ≥ 0.</summary>
public static class Slots
{
    /// <summary>How many slots fall in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static long Count(DateTimeOffset start, TimeSpan interval, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return 0;
        }

        var step = interval.Ticks;
        var behind = (from - start).Ticks;
        var first = start + TimeSpan.FromTicks(behind <= 0 ? 0 : (behind + step - 1) / step * step);
        return first < to ? (((to - first).Ticks - 1) / step) + 1 : 0;
    }

    /// <summary>
    /// Slots in [from, to) that never arrived, task by task: expected slots minus distinct slots
    /// delivered (by scheduled time), never below zero per task, so a task that delivered extra
    /// cannot hide one that missed.
    /// </summary>
    public static long Missed(IReadOnlyDictionary<string, DateTimeOffset> starts, TimeSpan interval, IEnumerable<Delivery> deliveries, DateTimeOffset from, DateTimeOffset to)
    {
        var delivered = deliveries
            .Where(d => d.ScheduledAt >= from && d.ScheduledAt < to)
            .GroupBy(d => d.TaskId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => d.ScheduledAt).Distinct().LongCount(), StringComparer.Ordinal);
        return starts.Sum(s => Math.Max(0, Count(s.Value, interval, from, to) - delivered.GetValueOrDefault(s.Key)));
    }
}

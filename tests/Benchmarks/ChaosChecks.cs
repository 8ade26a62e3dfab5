namespace Actors.Benchmarks;

/// <summary>The chaos scenario's verdicts, computed from what the client and the receiver recorded.</summary>
public static class ChaosChecks
{
    /// <summary>
    /// (b) Acknowledged commands lost. A task whose last acknowledged pause/resume was a pause must
    /// be <c>paused</c>; one whose last was a resume must not be. A task is left out (ambiguous)
    /// when a later pause/resume of the other kind got no answer or a 5xx, since that one may have
    /// taken effect; a task whose status could not be read is left out as unverifiable.
    /// </summary>
    public static Dictionary<string, object> LostCommands(IEnumerable<SentCommand> commands, IReadOnlyDictionary<string, string> finalStatus, DateTimeOffset origin)
    {
        int checkedTasks = 0, ambiguous = 0, unverifiable = 0;
        var lost = new List<string>();
        foreach (var task in commands.Where(c => c.Kind is "pause" or "resume").GroupBy(c => c.TaskId, StringComparer.Ordinal))
        {
            var ordered = task.OrderBy(c => c.SentAt).ToList();
            var lastAck = ordered.FindLastIndex(c => c.Acknowledged);
            if (lastAck < 0)
            {
                continue;
            }

            var expected = ordered[lastAck];
            if (ordered.Skip(lastAck + 1).Any(c => c.Uncertain && c.Kind != expected.Kind))
            {
                ambiguous++;
                continue;
            }

            if (!finalStatus.TryGetValue(task.Key, out var status))
            {
                unverifiable++;
                continue;
            }

            checkedTasks++;
            if ((expected.Kind == "pause") != (status == "paused"))
            {
                lost.Add($"{task.Key}: last acknowledged {expected.Kind} at +{(expected.SentAt - origin).TotalSeconds:0} s, status now {status}");
            }
        }

        return new Dictionary<string, object>
        {
            ["lost"] = lost.Count,
            ["checked_tasks"] = checkedTasks,
            ["ambiguous_tasks"] = ambiguous,
            ["unverifiable_tasks"] = unverifiable,
            ["examples"] = lost.Take(5).ToArray(),
        };
    }

    /// <summary>
    /// (c) Run ids the receiver answered 2xx more than once (a round whose side effect happened
    /// twice); an example shows each 2xx delivery with its path, time and the attempt's recorded outcome.
    /// </summary>
    public static (int Count, string[] Examples) DoubleSuccesses(IEnumerable<Delivery> deliveries, IReadOnlyCollection<ObservedRun> runs, DateTimeOffset origin)
    {
        var outcomes = runs.GroupBy(r => (r.RunId, r.Attempt)).ToDictionary(g => g.Key, g => g.First().Outcome);
        var twice = deliveries.Where(d => d.Answered2xx)
            .GroupBy(d => d.RunId, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .ToList();
        var examples = twice.Take(5).Select(g => $"{g.Key} on {g.First().Path}: " + string.Join(", ", g.OrderBy(d => d.ArrivedAt).Select(d =>
            $"attempt {d.Attempt} arrived at +{(d.ArrivedAt - origin).TotalSeconds:0.0} s, answered {d.Status} at +{(d.AnsweredAt - origin).TotalSeconds:0.000} s (recorded {outcomes.GetValueOrDefault((d.RunId, d.Attempt), "not seen")})")));
        return (twice.Count, [.. examples]);
    }

    /// <summary>
    /// Rounds answered 2xx twice whose first 2xx answer left the receiver within
    /// <paramref name="race"/> of a <c>kill -9</c> and whose first attempt is recorded
    /// <c>abandoned</c>: the silo died between the receiver's answer and its own durable record of
    /// it (or as the answer was on the wire), the one window at-least-once delivery cannot close;
    /// the receiver sees the run id twice, as the Idempotency-Key, and deduplicates by it.
    /// </summary>
    public static int DoubleSuccessesRacingAKill(IEnumerable<Delivery> deliveries, IReadOnlyCollection<ObservedRun> runs, IReadOnlyCollection<DateTimeOffset> kills, TimeSpan race)
    {
        var outcomes = runs.GroupBy(r => (r.RunId, r.Attempt)).ToDictionary(g => g.Key, g => g.First().Outcome);
        return deliveries.Where(d => d.Answered2xx)
            .GroupBy(d => d.RunId, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.MinBy(d => d.AnsweredAt)!)
            .Count(first => outcomes.GetValueOrDefault((first.RunId, first.Attempt)) == "abandoned"
                && kills.Any(k => (first.AnsweredAt - k).Duration() <= race));
    }

    /// <summary>
    /// (d) The longest time without a delivery of one task in [<paramref name="from"/>,
    /// <paramref name="to"/>], outside the outage: each gap between deliveries (and from
    /// <paramref name="from"/> to the first, and from the last to <paramref name="to"/>) is cut by
    /// the outage window into the part before it and the part after it, and the longer part counts.
    /// </summary>
    public static Dictionary<string, object> Gaps(
        IEnumerable<Delivery> deliveries, IReadOnlyCollection<string> taskIds, DateTimeOffset from, DateTimeOffset to,
        DateTimeOffset outageFrom, DateTimeOffset outageTo, TimeSpan limit)
    {
        var byTask = deliveries.Where(d => d.ArrivedAt >= from && d.ArrivedAt <= to)
            .ToLookup(d => d.TaskId, StringComparer.Ordinal);
        var longest = new List<(string TaskId, TimeSpan Gap, DateTimeOffset At)>();
        foreach (var task in taskIds)
        {
            var times = byTask[task].Select(d => d.ArrivedAt).Order().Prepend(from).Append(to).ToList();
            var worst = (Gap: TimeSpan.Zero, At: from);
            for (var i = 1; i < times.Count; i++)
            {
                var (gap, at) = OutsideOutage(times[i - 1], times[i], outageFrom, outageTo);
                if (gap > worst.Gap)
                {
                    worst = (gap, at);
                }
            }

            longest.Add((task, worst.Gap, worst.At));
        }

        var sorted = longest.OrderBy(l => l.Gap).ToList();
        var max = sorted.LastOrDefault();
        return new Dictionary<string, object>
        {
            ["max_s"] = Math.Round(max.Gap.TotalSeconds, 1),
            ["max_task"] = max.TaskId ?? "",
            ["max_started_at_s"] = Math.Round((max.At - from).TotalSeconds, 1),
            ["p99_of_task_max_s"] = sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(0.99 * sorted.Count) - 1, 0, sorted.Count - 1)].Gap.TotalSeconds, 1),
            ["tasks_over_limit"] = sorted.Count(l => l.Gap >= limit),
            ["tasks_measured"] = sorted.Count,
        };
    }

    private static (TimeSpan Gap, DateTimeOffset At) OutsideOutage(DateTimeOffset start, DateTimeOffset end, DateTimeOffset outageFrom, DateTimeOffset outageTo)
    {
        if (end <= outageFrom || start >= outageTo)
        {
            return (end - start, start);
        }

        var before = outageFrom - start;
        var after = end - outageTo;
        return before >= after ? (before > TimeSpan.Zero ? before : TimeSpan.Zero, start) : (after > TimeSpan.Zero ? after : TimeSpan.Zero, outageTo);
    }
}

namespace Actors.Benchmarks;

/// <summary>
/// What became of an interval task's slots around a database outage, from its run history: every
/// slot in [from, to) must be either run (a round scheduled at it) or counted in a <c>skipped</c>
/// record, and the slots that came due while the database was down run at most once (the latest
/// within its grace, as a catch-up) and are otherwise counted as skipped, never replayed.
/// </summary>
public static class OutageSlots
{
    /// <summary>A round that starts this long after its slot is a catch-up (the product's own threshold).</summary>
    private static readonly TimeSpan CatchUpLateness = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The accounting over the tasks in <paramref name="starts"/> (their first slot). The outage is
    /// [<paramref name="down"/>, <paramref name="back"/>); [<paramref name="from"/>,
    /// <paramref name="to"/>) must contain it with a margin on both sides.
    /// </summary>
    public static Dictionary<string, object> Account(
        IReadOnlyDictionary<string, DateTimeOffset> starts, TimeSpan interval, IReadOnlyCollection<ObservedRun> runs,
        DateTimeOffset down, DateTimeOffset back, DateTimeOffset from, DateTimeOffset to)
    {
        var byTask = runs.ToLookup(r => r.TaskId, StringComparer.Ordinal);
        long dueDuringOutage = 0, expectedTotal = 0, roundsTotal = 0, skippedTotal = 0, unaccounted = 0, replayed = 0;
        int noCatchUp = 0, oneCatchUp = 0, moreCatchUps = 0, withSkipped = 0, shortHistory = 0;
        var examples = new List<string>();
        foreach (var (task, start) in starts)
        {
            var history = byTask[task].ToList();
            var firstSlot = start >= from ? start : start + (interval * Math.Ceiling((from - start) / interval));
            if (history.Count == 0 || history.Min(r => r.ScheduledAt) > firstSlot)
            {
                // The kept history (the last 100 records) does not reach back to the window's start.
                shortHistory++;
            }

            var rounds = history.Where(r => r.Attempt >= 1 && r.ScheduledAt >= from && r.ScheduledAt < to)
                .GroupBy(r => r.RunId, StringComparer.Ordinal)
                .Select(g => g.OrderBy(r => r.Attempt).First())
                .ToList();
            var skips = history.Where(r => r.Outcome == "skipped" && r.ScheduledAt >= from && r.ScheduledAt < to).ToList();
            var expected = Slots.Count(start, interval, from, to);
            var accounted = rounds.Count + skips.Sum(s => s.SkippedSlots);
            var catchUps = rounds.Count(r => r.StartedAt >= down && r.StartedAt - r.ScheduledAt > CatchUpLateness);

            dueDuringOutage += Slots.Count(start, interval, down, back);
            expectedTotal += expected;
            roundsTotal += rounds.Count;
            skippedTotal += skips.Sum(s => s.SkippedSlots);
            unaccounted += Math.Max(0, expected - accounted);
            replayed += Math.Max(0, accounted - expected);
            if (catchUps == 0)
            {
                noCatchUp++;
            }
            else if (catchUps == 1)
            {
                oneCatchUp++;
            }
            else
            {
                moreCatchUps++;
            }

            if (skips.Any(s => s.ScheduledAt >= down))
            {
                withSkipped++;
            }

            if (expected != accounted && examples.Count < 5)
            {
                examples.Add($"{task}: {expected} slots expected, {rounds.Count} rounds run + {skips.Sum(s => s.SkippedSlots)} counted skipped"
                    + $" ({string.Join("; ", skips.Select(s => $"{s.ScheduledAt:HH:mm:ss.fff} {s.Error}"))})");
            }
        }

        return new Dictionary<string, object>
        {
            ["tasks"] = starts.Count,
            ["slots_due_during_outage"] = dueDuringOutage,
            ["tasks_at_most_one_catch_up"] = noCatchUp + oneCatchUp,
            ["tasks_one_catch_up"] = oneCatchUp,
            ["tasks_no_catch_up"] = noCatchUp,
            ["tasks_more_catch_ups"] = moreCatchUps,
            ["tasks_with_skipped_record"] = withSkipped,
            ["slots_counted_skipped"] = skippedTotal,
            ["window_slots_expected"] = expectedTotal,
            ["window_rounds_run"] = roundsTotal,
            ["window_slots_unaccounted"] = unaccounted,
            ["window_slots_replayed"] = replayed,
            ["window_examples"] = examples.ToArray(),
            ["histories_too_short"] = shortHistory,
        };
    }
}

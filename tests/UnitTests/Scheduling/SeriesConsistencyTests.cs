using Actors.Grains;
using Actors.Grains.Scheduling;
using static Actors.UnitTests.Scheduling.Schedules;

namespace Actors.UnitTests.Scheduling;

/// <summary>
/// The shortcuts (<see cref="NextRunCalculator.NextAtOrAfter"/>, <see cref="NextRunCalculator.CountSlotsBetween"/>)
/// agree with the definition: the series obtained by walking <see cref="NextRunCalculator.Next"/> from the anchor.
/// The anchors sit shortly before a 2026 DST change so the walks cross it.
/// </summary>
public sealed class SeriesConsistencyTests
{
    public static TheoryData<string> Cases => [.. Specs.Keys];

    private static Dictionary<string, (ScheduleSpec Spec, DateTimeOffset Anchor)> Specs { get; } = new()
    {
        ["interval 90 min, Berlin window 08–22"] = (new ScheduleSpec { IntervalSeconds = 5400, TimeZone = "Europe/Berlin", Window = new DailyWindow(480, 1320) }, At("2026-03-27T19:10:00+01:00")),
        ["interval 7 h, New York night window"] = (new ScheduleSpec { IntervalSeconds = 7 * 3600, TimeZone = "America/New_York", Window = new DailyWindow(1320, 360) }, At("2026-03-06T23:00:00-05:00")),
        ["interval 25 h, Berlin window 08–22"] = (new ScheduleSpec { IntervalSeconds = 25 * 3600, TimeZone = "Europe/Berlin", Window = new DailyWindow(480, 1320) }, At("2026-03-25T21:00:00+01:00")),
        ["interval 17 min, Berlin window in the gap"] = (new ScheduleSpec { IntervalSeconds = 17 * 60, TimeZone = "Europe/Berlin", Window = new DailyWindow(150, 300) }, At("2026-03-28T04:00:00+01:00")),
        ["interval 40 min, New York window ending in the repeated hour"] = (new ScheduleSpec { IntervalSeconds = 2400, TimeZone = "America/New_York", Window = new DailyWindow(30, 90) }, At("2026-10-29T00:30:00-04:00")),
        ["cron every 10 min, Berlin window 02:00–02:45 across fall-back"] = (new ScheduleSpec { Mode = ScheduleMode.Cron, Cron = "*/10 * * * *", TimeZone = "Europe/Berlin", Window = new DailyWindow(120, 165) }, At("2026-10-20T02:00:00+02:00")),
        ["interval 13 s, no window"] = (new ScheduleSpec { IntervalSeconds = 13 }, At("2026-03-28T04:00:00Z")),
        ["daily twice, Berlin window"] = (new ScheduleSpec { Mode = ScheduleMode.Daily, DailyAt = ["02:30", "23:00", "12:00"], TimeZone = "Europe/Berlin", Window = new DailyWindow(480, 1320) }, At("2026-03-26T12:00:00+01:00")),
        ["cron every 20 min, New York window 01:30–05:00"] = (new ScheduleSpec { Mode = ScheduleMode.Cron, Cron = "*/20 * * * *", TimeZone = "America/New_York", Window = new DailyWindow(90, 300) }, At("2026-03-07T03:00:00-05:00")),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void NextAtOrAfterIsTheFirstWalkedSlotAtOrAfterNotBefore(string name)
    {
        var (spec, anchor) = Specs[name];
        var calculator = new NextRunCalculator(spec);
        var walked = Walk(calculator, anchor, 400);

        foreach (var notBefore in Probes(anchor, walked))
        {
            var expected = walked.First(slot => slot >= notBefore);

            Assert.Equal((notBefore, expected), (notBefore, calculator.NextAtOrAfter(anchor, notBefore)!.Value));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CountSlotsBetweenCountsTheWalkedSlots(string name)
    {
        var (spec, anchor) = Specs[name];
        var calculator = new NextRunCalculator(spec);
        var series = new List<DateTimeOffset> { anchor };
        series.AddRange(Walk(calculator, anchor, 400));
        var probes = Probes(anchor, series).ToList();

        for (var i = 0; i + 1 < probes.Count; i += 2)
        {
            var (after, before) = probes[i] < probes[i + 1] ? (probes[i], probes[i + 1]) : (probes[i + 1], probes[i]);
            long expected = series.Count(slot => slot > after && slot < before);

            Assert.Equal((after, before, expected), (after, before, calculator.CountSlotsBetween(anchor, after, before)));
        }
    }

    // Instants spread over the walked range, plus ones that hit slots and window edges exactly.
    private static IEnumerable<DateTimeOffset> Probes(DateTimeOffset anchor, List<DateTimeOffset> slots)
    {
        for (var i = 1; i < slots.Count * 9 / 10; i += 13)
        {
            yield return slots[i];
            yield return slots[i].AddTicks(-1);
            yield return slots[i].AddTicks(1);
        }

        var span = (slots[^1] - anchor).Ticks;
        var state = 12345L;
        for (var i = 0; i < 150; i++)
        {
            state = ((state * 6364136223846793005L) + 1442695040888963407L) & long.MaxValue;
            var instant = anchor.AddTicks((long)(state % (span * 9 / 10)));
            yield return i % 3 == 0 ? new DateTimeOffset(instant.UtcTicks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero) : instant;
        }
    }
}

using Actors.Grains;
using Actors.Grains.Scheduling;
using static Actors.UnitTests.Scheduling.Schedules;

namespace Actors.UnitTests.Scheduling;

public sealed class SchedulePreviewTests
{
    [Theory]
    [InlineData(30, "30 s")]
    [InlineData(90, "1 min 30 s")]
    [InlineData(3600, "1 h")]
    [InlineData(5400, "1 h 30 min")]
    [InlineData(86_400, "1 day")]
    [InlineData(2 * 86_400 + 60, "2 days 1 min")]
    public void DurationsReadAsTheLargestWholeUnits(int seconds, string words) =>
        Assert.Equal(words, ScheduleWords.Duration(seconds));

    [Fact]
    public void AnIntervalInAWindowSaysItsWindowZoneAndEnd() =>
        Assert.Equal("every 5 min between 08:00 and 22:30 (Asia/Shanghai), until 2099-02-08", ScheduleWords.Describe(new ScheduleSpec
        {
            Mode = ScheduleMode.Interval, IntervalSeconds = 300, Window = new DailyWindow(8 * 60, 22 * 60 + 30), TimeZone = "Asia/Shanghai", TaskEndTime = "2099-02-08",
        }));

    [Fact]
    public void AWindowOverMidnightSaysSo() =>
        Assert.Equal("every 1 h between 22:00 and 06:00 (over midnight) (UTC)", ScheduleWords.Describe(new ScheduleSpec
        {
            Mode = ScheduleMode.Interval, IntervalSeconds = 3600, Window = new DailyWindow(22 * 60, 6 * 60),
        }));

    [Fact]
    public void DailyCronAndOnceReadAsWhatTheyAre()
    {
        Assert.Equal("every day at 09:00, 12:00 and 18:30 (Europe/Berlin)",
            ScheduleWords.Describe(new ScheduleSpec { Mode = ScheduleMode.Daily, DailyAt = ["09:00", "12:00", "18:30"], TimeZone = "Europe/Berlin" }));
        Assert.Equal("on cron '*/15 9-17 * * 1-5' (UTC)", ScheduleWords.Describe(new ScheduleSpec { Mode = ScheduleMode.Cron, Cron = "*/15 9-17 * * 1-5" }));
        Assert.Equal("once at 2030-01-02 03:04:05 UTC",
            ScheduleWords.Describe(new ScheduleSpec { Mode = ScheduleMode.Once, RunAt = At("2030-01-02T04:04:05+01:00") }));
    }

    [Fact]
    public void TheNextSlotsStartAtTheNextRunAndFollowTheWindow()
    {
        var spec = new ScheduleSpec { Mode = ScheduleMode.Interval, IntervalSeconds = 3600, Window = new DailyWindow(8 * 60, 10 * 60) };

        var slots = SchedulePreviewGrain.NextSlots(spec, At("2030-01-01T08:00:00Z"), 4);

        Assert.Equal([At("2030-01-01T08:00:00Z"), At("2030-01-01T09:00:00Z"), At("2030-01-02T08:00:00Z"), At("2030-01-02T09:00:00Z")], slots);
    }

    [Fact]
    public void NoNextRunMeansNoSlotsAndAnEndedScheduleStopsTheList()
    {
        var spec = new ScheduleSpec { Mode = ScheduleMode.Interval, IntervalSeconds = 86_400, TaskEndTime = "2030-01-03" };

        Assert.Empty(SchedulePreviewGrain.NextSlots(spec, null, 5));
        Assert.Equal(3, SchedulePreviewGrain.NextSlots(spec, At("2030-01-01T00:00:00Z"), 5).Length);
    }
}

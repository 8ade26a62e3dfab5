using Actors.Grains;
using static Actors.UnitTests.Scheduling.Schedules;

namespace Actors.UnitTests.Scheduling;

public sealed class CronScheduleTests
{
    [Fact]
    public void EveryMinuteCronRunsOnEachMinute()
    {
        var calculator = Cron("*/1 * * * *");

        Assert.Equal(At("2026-02-01T10:01:00Z"), calculator.First(At("2026-02-01T10:00:00Z")));
        Assert.Equal(At("2026-02-01T10:01:00Z"), calculator.First(At("2026-02-01T10:00:59.999Z")));
        Assert.Equal([At("2026-02-01T10:02:00Z"), At("2026-02-01T10:03:00Z")], Walk(calculator, At("2026-02-01T10:01:00Z"), 2));
    }

    [Fact]
    public void FiveFieldCronUsesWeekdaysInTheTasksZone()
    {
        // 2026-02-06 is a Friday; the next weekday 09:00 in Berlin is Monday the 9th, 08:00 UTC.
        Assert.Equal(At("2026-02-09T08:00:00Z"), Cron("0 9 * * MON-FRI", "Europe/Berlin").Next(At("2026-02-06T09:00:00+01:00")));
    }

    [Fact]
    public void SixFieldCronHasSecondsFirst()
    {
        Assert.Equal([At("2026-02-01T10:00:30Z"), At("2026-02-01T10:02:30Z")], Walk(Cron("30 */2 * * * *"), At("2026-02-01T10:00:00Z"), 2));
    }

    [Fact]
    public void MacroIsAccepted()
    {
        Assert.Equal(At("2026-02-02T00:00:00Z"), Cron("@daily").Next(At("2026-02-01T10:00:00Z")));
    }

    [Fact]
    public void OccurrenceOutsideTheWindowMovesToTheOpeningAndTheNextFollowsTheExpression()
    {
        var calculator = Cron("0 * * * *", window: new DailyWindow(480, 1320));

        Assert.Equal([At("2026-02-01T21:00:00Z"), At("2026-02-02T08:00:00Z"), At("2026-02-02T09:00:00Z")], Walk(calculator, At("2026-02-01T20:00:00Z"), 3));
    }

    [Fact]
    public void OccurrencesOnlyOutsideTheWindowRunAtEachOpening()
    {
        var calculator = Cron("0 3 * * *", window: new DailyWindow(480, 1320));

        Assert.Equal([At("2026-02-01T08:00:00Z"), At("2026-02-02T08:00:00Z")], Walk(calculator, At("2026-02-01T00:00:00Z"), 2));
    }

    [Fact]
    public void NextAtOrAfterCountsAnOccurrenceTheWindowMovesToNotBefore()
    {
        var calculator = Cron("0 3 * * *", window: new DailyWindow(480, 1320));

        Assert.Equal(At("2026-02-05T08:00:00Z"), calculator.NextAtOrAfter(At("2026-02-01T08:00:00Z"), At("2026-02-05T05:00:00Z")));
        Assert.Equal(At("2026-02-05T08:00:00Z"), calculator.NextAtOrAfter(At("2026-02-01T08:00:00Z"), At("2026-02-05T08:00:00Z")));
        Assert.Equal(At("2026-02-06T08:00:00Z"), calculator.NextAtOrAfter(At("2026-02-01T08:00:00Z"), At("2026-02-05T08:00:01Z")));
    }
}

using Actors.Grains;
using Actors.Grains.Scheduling;
using static Actors.UnitTests.Scheduling.Schedules;

namespace Actors.UnitTests.Scheduling;

public sealed class DailyScheduleTests
{
    [Fact]
    public void FirstRunIsTheNextTimeOfDayAfterCreation()
    {
        Assert.Equal(At("2026-02-01T18:30:00Z"), Daily("UTC", "09:00", "18:30").First(At("2026-02-01T09:00:00Z")));
    }

    [Fact]
    public void TimesRunInOrderWhateverOrderTheyAreGivenIn()
    {
        var slots = Walk(Daily("UTC", "18:30", "09:00:15"), At("2026-02-01T00:00:00Z"), 4);

        Assert.Equal([At("2026-02-01T09:00:15Z"), At("2026-02-01T18:30:00Z"), At("2026-02-02T09:00:15Z"), At("2026-02-02T18:30:00Z")], slots);
    }

    [Fact]
    public void TimesAreLocalToTheTasksZone()
    {
        Assert.Equal(At("2026-02-02T09:00:00+08:00"), Daily("Asia/Shanghai", "09:00").Next(At("2026-02-01T09:00:00+08:00")));
    }

    [Fact]
    public void StartTimeDelaysTheFirstRun()
    {
        var calculator = new NextRunCalculator(new ScheduleSpec { Mode = ScheduleMode.Daily, DailyAt = ["09:00"], StartTime = At("2026-02-05T09:00:00Z") });

        Assert.Equal(At("2026-02-05T09:00:00Z"), calculator.First(At("2026-02-01T12:00:00Z")));
    }

    [Fact]
    public void TimeOutsideTheWindowMovesToTheOpening()
    {
        var calculator = new NextRunCalculator(new ScheduleSpec { Mode = ScheduleMode.Daily, DailyAt = ["06:00", "12:00"], Window = new DailyWindow(480, 1320) });

        Assert.Equal([At("2026-02-01T08:00:00Z"), At("2026-02-01T12:00:00Z"), At("2026-02-02T08:00:00Z")], Walk(calculator, At("2026-02-01T00:00:00Z"), 3));
    }

    [Fact]
    public void NextAtOrAfterIsTheFirstTimeAtOrAfterNotBefore()
    {
        var calculator = Daily("UTC", "09:00", "18:30");

        Assert.Equal(At("2026-02-10T09:00:00Z"), calculator.NextAtOrAfter(At("2026-02-01T09:00:00Z"), At("2026-02-10T09:00:00Z")));
        Assert.Equal(At("2026-02-10T18:30:00Z"), calculator.NextAtOrAfter(At("2026-02-01T09:00:00Z"), At("2026-02-10T09:00:01Z")));
    }
}

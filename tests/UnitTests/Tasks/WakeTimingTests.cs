using Actors.Grains;
using Actors.Grains.Tasks;

namespace Actors.UnitTests.Tasks;

public sealed class WakeTimingTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Backstop = TimeSpan.FromMinutes(5);

    [Fact]
    public void AShortIntervalHasAFiveMinuteBackstopReminder()
    {
        Assert.Equal(Backstop, WakeTiming.ReminderPeriod(new ScheduleSpec { IntervalSeconds = 10 }, TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromHours(2), WakeTiming.ReminderPeriod(new ScheduleSpec { IntervalSeconds = 7200 }, TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromHours(1), WakeTiming.ReminderPeriod(new ScheduleSpec { Mode = ScheduleMode.Cron, Cron = "0 * * * *" }, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void OnlyAWakeUpWithinTheHorizonKeepsTheActivationInMemory()
    {
        Assert.True(WakeTiming.KeepsActivation(Noon.AddMinutes(5), Noon));
        Assert.True(WakeTiming.KeepsActivation(Noon.AddMinutes(-1), Noon));
        Assert.False(WakeTiming.KeepsActivation(Noon.AddMinutes(5).AddTicks(1), Noon));
        Assert.False(WakeTiming.KeepsActivation(null, Noon));
    }

    [Fact]
    public void ANearWakeUpIsTheTimersAndAFirstReminderIsRegisteredAtIt()
    {
        var plan = WakeTiming.Plan(Noon.AddSeconds(10), Noon, Backstop, anchor: null, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(10), plan.TimerDue);
        Assert.Equal(TimeSpan.FromSeconds(10), plan.ReminderDue);
        Assert.Equal(Noon.AddSeconds(10), plan.ReminderAnchor);
    }

    [Fact]
    public void ANearWakeUpKeepsABackstopReminderThatTicksWithinAPeriodAfterIt()
    {
        var plan = WakeTiming.Plan(Noon.AddSeconds(10), Noon, Backstop, anchor: Noon.AddSeconds(-30), Backstop);

        Assert.Equal(TimeSpan.FromSeconds(10), plan.TimerDue);
        Assert.Null(plan.ReminderDue);
    }

    [Fact]
    public void ANearWakeUpKeepsTheReminderWhenItTicksOnceBeforeIt()
    {
        // Ticks at 12:01 (before the wake-up, for nothing) and 12:06 (within a period after it).
        var plan = WakeTiming.Plan(Noon.AddMinutes(2), Noon, Backstop, anchor: Noon.AddMinutes(-4), Backstop);

        Assert.Equal(TimeSpan.FromMinutes(2), plan.TimerDue);
        Assert.Null(plan.ReminderDue);
    }

    [Fact]
    public void ANearWakeUpRegistersAgainWhenTheReminderFirstTicksAPeriodOrMoreAfterIt()
    {
        var plan = WakeTiming.Plan(Noon.AddSeconds(10), Noon, Backstop, anchor: Noon.AddSeconds(10) + Backstop, Backstop);

        Assert.Equal(TimeSpan.FromSeconds(10), plan.ReminderDue);
        Assert.Equal(Noon.AddSeconds(10), plan.ReminderAnchor);
    }

    [Fact]
    public void AFarWakeUpIsTheRemindersAloneAndItTicksExactlyThen()
    {
        var plan = WakeTiming.Plan(Noon.AddHours(3), Noon, TimeSpan.FromHours(1), anchor: Noon.AddMinutes(-10), TimeSpan.FromHours(1));

        Assert.Null(plan.TimerDue);
        Assert.Equal(TimeSpan.FromHours(3), plan.ReminderDue);
    }

    [Fact]
    public void AFarWakeUpOnTheRemindersOwnTicksNeedsNoRegistration()
    {
        var plan = WakeTiming.Plan(Noon.AddHours(2), Noon, TimeSpan.FromHours(1), anchor: Noon.AddHours(-1), TimeSpan.FromHours(1));

        Assert.Null(plan.TimerDue);
        Assert.Null(plan.ReminderDue);
    }

    [Fact]
    public void AWakeUpDueNowFiresTheTimerAtOnceAndTheReminderASecondLater()
    {
        var plan = WakeTiming.Plan(Noon.AddSeconds(-3), Noon, Backstop, anchor: null, TimeSpan.Zero);

        Assert.Equal(TimeSpan.Zero, plan.TimerDue);
        Assert.Equal(WakeTiming.ImminentWake, plan.ReminderDue);
        Assert.Equal(Noon + WakeTiming.ImminentWake, plan.ReminderAnchor);
    }
}

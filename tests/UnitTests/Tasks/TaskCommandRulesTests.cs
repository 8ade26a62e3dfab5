using Actors.Grains;
using Actors.Grains.Tasks;

namespace Actors.UnitTests.Tasks;

public sealed class TaskCommandRulesTests
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ScheduledTaskStatus.Pending, null)]
    [InlineData(ScheduledTaskStatus.Running, null)]
    [InlineData(ScheduledTaskStatus.Error, null)]
    [InlineData(ScheduledTaskStatus.Paused, CommandOutcome.Ok)]
    [InlineData(ScheduledTaskStatus.Completed, CommandOutcome.Conflict)]
    public void PauseGoesAheadUnlessPausedOrCompleted(ScheduledTaskStatus status, CommandOutcome? answer) =>
        Assert.Equal(answer, TaskCommandRules.Pause(Task(status), Id, Info)?.Outcome);

    [Theory]
    [InlineData(ScheduledTaskStatus.Paused, null)]
    [InlineData(ScheduledTaskStatus.Error, null)]
    [InlineData(ScheduledTaskStatus.Pending, CommandOutcome.Ok)]
    [InlineData(ScheduledTaskStatus.Running, CommandOutcome.Ok)]
    [InlineData(ScheduledTaskStatus.Completed, CommandOutcome.Conflict)]
    public void ResumeGoesAheadForAPausedOrFailedTask(ScheduledTaskStatus status, CommandOutcome? answer) =>
        Assert.Equal(answer, TaskCommandRules.Resume(Task(status), Id, Info)?.Outcome);

    [Fact]
    public void EveryCommandOnAMissingTaskIsNotFound()
    {
        var missing = new TaskState();

        Assert.All(
            [TaskCommandRules.Pause(missing, Id, Info), TaskCommandRules.Resume(missing, Id, Info), TaskCommandRules.Reorder(missing, Id, 60, Info), TaskCommandRules.RunNow(missing, Id, Info)],
            answer => Assert.Equal(CommandOutcome.NotFound, answer!.Outcome));
    }

    [Fact]
    public void ReorderGoesAheadOnlyForAPendingTaskWithANextRunAndNoRunInFlight()
    {
        Assert.Null(TaskCommandRules.Reorder(Task(ScheduledTaskStatus.Pending), Id, -30, Info));
        Assert.Equal(CommandOutcome.Conflict, TaskCommandRules.Reorder(Task(ScheduledTaskStatus.Paused), Id, -30, Info)!.Outcome);
        Assert.Equal(CommandOutcome.Conflict, TaskCommandRules.Reorder(Running(), Id, -30, Info)!.Outcome);
        var ended = Task(ScheduledTaskStatus.Pending);
        ended.NextRunAt = null;
        Assert.Equal(CommandOutcome.Conflict, TaskCommandRules.Reorder(ended, Id, -30, Info)!.Outcome);
    }

    [Fact]
    public void ReorderBeyondTenYearsNamesTheFieldAndTheBounds()
    {
        var answer = TaskCommandRules.Reorder(Task(ScheduledTaskStatus.Pending), Id, ScheduleChanges.MaxReorderSeconds + 1, Info)!;

        Assert.Equal(CommandOutcome.Invalid, answer.Outcome);
        var error = Assert.Single(answer.Errors);
        Assert.Equal("priority_offset", error.Field);
        Assert.Contains(ScheduleChanges.MaxReorderSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunNowIsRefusedForACompletedTaskAndWhileARunIsInFlight()
    {
        Assert.Null(TaskCommandRules.RunNow(Task(ScheduledTaskStatus.Paused), Id, Info));
        Assert.Equal("Task is completed; create a new task to run it again.", TaskCommandRules.RunNow(Task(ScheduledTaskStatus.Completed), Id, Info)!.Message);
        Assert.Equal("Task is already running.", TaskCommandRules.RunNow(Running(), Id, Info)!.Message);
    }

    private static TaskInfo Info() => new() { TaskId = Id };

    private static TaskState Task(ScheduledTaskStatus status) => new() { Exists = true, TaskId = Id, Status = status, NextRunAt = Noon };

    private static TaskState Running()
    {
        var state = Task(ScheduledTaskStatus.Running);
        state.InFlight = new InFlightRun { RunId = $"{Id}:1", Round = 1, Attempt = 1, ScheduledAt = Noon, StartedAt = Noon, Silo = "s" };
        return state;
    }
}

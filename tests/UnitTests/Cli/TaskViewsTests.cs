using System.Text.Json.Nodes;
using Actors.Cli.Tasks;

namespace Actors.UnitTests.Cli;

public sealed class TaskViewsTests
{
    [Fact]
    public void AListShowsOneRowPerTaskThenHowManyOfHowMany()
    {
        var page = JsonNode.Parse("""
            {"total": 7, "tasks": [
              {"task_id": "t-1", "account_id": "acct-1", "status": "pending", "schedule_mode": "interval", "interval": 60, "time_zone": "UTC",
               "time_slot": {"start_time": "08:00", "end_time": "22:00"}, "executor": "log", "round_num": 3, "next_execution_time": "2026-11-24T08:01:00.000Z"},
              {"task_id": "t-2", "account_id": "nightly", "status": "paused", "schedule_mode": "cron", "cron": "0 2 * * *", "time_zone": "Europe/Berlin",
               "executor": "http", "round_num": 0, "next_execution_time": null}]}
            """)!;
        using var output = new StringWriter();

        TaskViews.List(page, output);

        Assert.Equal(
            "ID   ACCOUNT  STATUS   SCHEDULE                      EXECUTOR  ROUNDS  NEXT_RUN\n" +
            "t-1  acct-1   pending  every 60s 08:00-22:00         log       3       2026-11-24T08:01:00.000Z\n" +
            "t-2  nightly  paused   cron 0 2 * * * Europe/Berlin  http      0       -\n" +
            "2 of 7 tasks\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("""{"schedule_mode": "daily", "at": ["09:00", "18:30"], "time_zone": "UTC"}""", "daily 09:00,18:30")]
    [InlineData("""{"schedule_mode": "once", "run_at": "2026-12-01T09:00:00.000Z", "time_zone": "UTC"}""", "once 2026-12-01T09:00:00.000Z")]
    [InlineData("""{"schedule_mode": "interval", "interval": 3600, "time_slot": null, "time_zone": "Asia/Shanghai"}""", "every 3600s Asia/Shanghai")]
    public void AScheduleReadsInAFewWords(string task, string schedule)
    {
        Assert.Equal(schedule, TaskViews.Schedule(JsonNode.Parse(task)));
    }
}

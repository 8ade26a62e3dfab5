using System.Text.Json;
using Actors.Grains;
using Actors.Grains.Storage;
using Actors.Grains.Tasks;
using Actors.Grains.Tasks.Stored;

namespace Actors.UnitTests.Storage;

public sealed class StoredStateTests
{
    /// <summary>
    /// A task's state as an earlier version wrote it: enum names (the trigger in snake_case), the
    /// webhook and the daily window nested, and the run list the state used to carry. The stored
    /// names are pinned on the stored types, so it loads whatever the wire records are called today.
    /// </summary>
    private const string WrittenBefore = """
        {"exists":true,"taskId":"6d1b4a3e-9c61-4b7e-8f4a-2f0c1b5d7e90",
         "spec":{"name":"report","accountId":"acct-7","accountName":"Seven","taskType":"backup","sysType":"linux","priority":"High",
                 "kwargsJson":"{\"user_query\":\"go\"}",
                 "schedule":{"mode":"Interval","intervalSeconds":120,"dailyAt":[],"window":{"startMinute":480,"endMinute":1320},"timeZone":"Europe/Berlin","runImmediately":false},
                 "execution":{"executor":"http","http":{"url":"http://127.0.0.1:9/hook","method":"POST","headers":{"X-Key":"k"}},"timeoutSeconds":30,"maxRetries":2,"retryBackoffSeconds":1.5,"overlap":"QueueOne","maxConsecutiveFailures":4}},
         "status":"Running","roundNum":41,"nextRunAt":"2026-03-02T12:02:00+00:00","createdAt":"2026-03-01T08:00:00+00:00","version":97,
         "inFlight":{"runId":"6d1b4a3e-9c61-4b7e-8f4a-2f0c1b5d7e90:42","round":42,"attempt":2,"scheduledAt":"2026-03-02T12:00:00+00:00","startedAt":"2026-03-02T12:00:03+00:00","silo":"127.0.0.1:11111@1","trigger":"catch_up"},
         "runs":[{"runId":"6d1b4a3e-9c61-4b7e-8f4a-2f0c1b5d7e90:41","round":41,"outcome":"Succeeded","trigger":"schedule"}]}
        """;

    [Fact]
    public void StateWrittenBeforeLoadsIntoTodaysTypes()
    {
        var state = JsonSerializer.Deserialize<TaskState>(WrittenBefore, ActorsJson.Options)!;
        var spec = state.Spec!.ToWire();

        Assert.Equal(ScheduledTaskStatus.Running, state.Status);
        Assert.Equal(41, state.RoundNum);
        Assert.Equal(RunTrigger.CatchUp, state.InFlight!.Trigger);
        Assert.Equal(2, state.InFlight.Attempt);
        Assert.Equal(TaskPriority.High, spec.Priority);
        Assert.Equal("acct-7", spec.AccountId);
        Assert.Equal("{\"user_query\":\"go\"}", spec.KwargsJson);
        Assert.Equal(new DailyWindow(480, 1320), spec.Schedule.Window);
        Assert.Equal("Europe/Berlin", spec.Schedule.TimeZone);
        Assert.Equal("http://127.0.0.1:9/hook", spec.Execution.Http!.Url);
        Assert.Equal("k", spec.Execution.Http.Headers["x-key"]);
        Assert.Equal(OverlapPolicy.QueueOne, spec.Execution.Overlap);
        Assert.Equal(1.5, spec.Execution.RetryBackoffSeconds);
    }

    [Fact]
    public void TodaysStateRoundTripsWithEnumsAsNumbersAndNoRunList()
    {
        var state = JsonSerializer.Deserialize<TaskState>(WrittenBefore, ActorsJson.Options)!;

        var json = JsonSerializer.Serialize(state, ActorsJson.Options);
        var again = JsonSerializer.Deserialize<TaskState>(json, ActorsJson.Options)!;

        Assert.Contains("\"status\":1", json, StringComparison.Ordinal);
        Assert.Contains("\"trigger\":1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"runs\"", json, StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(again, ActorsJson.Options), json);
    }

    [Fact]
    public void ATypicalTaskStateStaysUnderTwoKilobytesWhateverItsHistory()
    {
        var state = JsonSerializer.Deserialize<TaskState>(WrittenBefore, ActorsJson.Options)!;
        state.LastRun = RunRecords.Finished(state.InFlight!, RunOutcome.Succeeded, state.InFlight!.StartedAt.AddSeconds(1), new string('x', 200), null);
        state.PendingRuns.Add(state.LastRun);

        Assert.True(JsonSerializer.SerializeToUtf8Bytes(state, ActorsJson.Options).Length < 2048);
    }

    [Fact]
    public void TheSpecMapsToItsStoredFormAndBack()
    {
        var spec = JsonSerializer.Deserialize<TaskState>(WrittenBefore, ActorsJson.Options)!.Spec!.ToWire();

        var back = spec.ToStored().ToWire();

        Assert.Equal(JsonSerializer.Serialize(spec), JsonSerializer.Serialize(back));
    }

    [Fact]
    public void UtcInstantsAreStoredAsExactTickCountsAndOtherOffsetsAsText()
    {
        var utc = new DateTimeOffset(2026, 3, 2, 12, 0, 3, TimeSpan.Zero).AddTicks(1_234_567);
        var local = new DateTimeOffset(2026, 3, 2, 20, 0, 0, TimeSpan.FromHours(8));

        var json = JsonSerializer.Serialize(new[] { utc, local }, ActorsJson.Options);
        var back = JsonSerializer.Deserialize<DateTimeOffset[]>(json, ActorsJson.Options)!;

        Assert.StartsWith("[17", json, StringComparison.Ordinal);
        Assert.Contains("+08:00", json, StringComparison.Ordinal);
        Assert.Equal((utc, TimeSpan.Zero), (back[0], back[0].Offset));
        Assert.Equal((local, local.Offset), (back[1], back[1].Offset));
    }
}

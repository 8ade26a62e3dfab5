using Actors.Grains;

namespace Actors.GrainTests.Support;

/// <summary>Create requests and task specs for tests.</summary>
public static class Specs
{
    /// <summary>A fresh account id.</summary>
    public static string NewAccount() => "acct-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A request for an interval task with the log executor.</summary>
    public static CreateTaskRequest Interval(string accountId, int seconds, bool runImmediately = false) => new()
    {
        AccountId = accountId,
        AccountName = accountId,
        SysType = "test",
        ScheduleMode = "interval",
        Interval = seconds,
        RunImmediately = runImmediately,
    };

    /// <summary>A request for an interval task with the scripted executor.</summary>
    public static CreateTaskRequest Scripted(string accountId, string script, int seconds, int maxRetries = 0, int maxFailures = 5, string overlap = "skip") =>
        Interval(accountId, seconds) with
        {
            KwargsJson = $"{{\"script\":\"{script}\"}}",
            Executor = "scripted",
            MaxRetries = maxRetries,
            RetryBackoffSeconds = 0,
            MaxConsecutiveFailures = maxFailures,
            Overlap = overlap,
        };

    /// <summary>The spec of an interval task with the log executor, for a task grain created directly.</summary>
    public static TaskSpec IntervalSpec(string accountId, int seconds) => new()
    {
        AccountId = accountId,
        AccountName = accountId,
        SysType = "test",
        Schedule = new ScheduleSpec { Mode = ScheduleMode.Interval, IntervalSeconds = seconds },
    };
}

using Actors.Grains;

namespace Actors.GrainTests.Support;

/// <summary>Task specs for tests.</summary>
public static class Specs
{
    /// <summary>A fresh account id.</summary>
    public static string NewAccount() => "acct-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>An interval task with the log executor.</summary>
    public static TaskSpec Interval(string accountId, int seconds, bool runImmediately = false) => new()
    {
        AccountId = accountId,
        AccountName = accountId,
        SysType = "test",
        Schedule = new ScheduleSpec { Mode = ScheduleMode.Interval, IntervalSeconds = seconds, RunImmediately = runImmediately },
    };

    /// <summary>An interval task with the scripted executor.</summary>
    public static TaskSpec Scripted(string accountId, string script, int seconds, int maxRetries = 0, int maxFailures = 5, OverlapPolicy overlap = OverlapPolicy.Skip) =>
        Interval(accountId, seconds) with
        {
            KwargsJson = $"{{\"script\":\"{script}\"}}",
            Execution = new ExecutionSpec
            {
                Executor = "scripted",
                MaxRetries = maxRetries,
                RetryBackoffSeconds = 0,
                MaxConsecutiveFailures = maxFailures,
                Overlap = overlap,
            },
        };
}

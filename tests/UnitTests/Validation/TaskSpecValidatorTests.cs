using Actors.Grains;

namespace Actors.UnitTests.Validation;

public sealed class TaskSpecValidatorTests
{
    private static readonly TaskSpec Valid = new() { AccountId = "acct-1", AccountName = "Alice", KwargsJson = "{\"user_id\": \"u1\"}" };

    private static IReadOnlyList<FieldError> Validate(Func<TaskSpec, TaskSpec> change) => TaskSpecValidator.Validate(change(Valid));

    private static TaskSpec WithSchedule(TaskSpec spec, Func<ScheduleSpec, ScheduleSpec> change) => spec with { Schedule = change(spec.Schedule) };

    private static TaskSpec WithExecution(TaskSpec spec, Func<ExecutionSpec, ExecutionSpec> change) => spec with { Execution = change(spec.Execution) };

    [Fact]
    public void DefaultsWithAnAccountAreValid()
    {
        Assert.Empty(TaskSpecValidator.Validate(Valid));
    }

    [Fact]
    public void EveryProblemIsListedAtOnce()
    {
        var spec = new TaskSpec
        {
            AccountId = " ",
            Name = new string('n', 201),
            KwargsJson = "[1, 2]",
            Schedule = new ScheduleSpec { IntervalSeconds = -5, TimeZone = "Mars/Olympus", MisfireGraceSeconds = 0, TaskEndTime = "tomorrow" },
            Execution = new ExecutionSpec { Executor = "http", Http = new HttpTarget { Url = "ftp://example.com", Method = "FETCH" }, TimeoutSeconds = 0, MaxRetries = 21 },
        };

        var errors = TaskSpecValidator.Validate(spec);

        Assert.Equal(
            ["account_id", "name", "kwargs", "interval", "time_zone", "misfire_grace_seconds", "task_end_time", "timeout_seconds", "max_retries", "http.url", "http.method"],
            errors.Select(e => e.Field));
        Assert.Equal("interval must be between 1 and 31536000 seconds; got -5.", errors.Single(e => e.Field == "interval").Message);
    }

    [Fact]
    public void AccountIdIsRequired()
    {
        var error = Assert.Single(Validate(s => s with { AccountId = "" }));

        Assert.Equal("account_id", error.Field);
        Assert.Contains("is required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("account_id", 201)]
    [InlineData("account_name", 201)]
    [InlineData("name", 201)]
    [InlineData("task_type", 101)]
    [InlineData("sys_type", 101)]
    public void LabelsHaveAMaximumLength(string field, int length)
    {
        var text = new string('x', length);
        TaskSpec spec = field switch
        {
            "account_id" => Valid with { AccountId = text },
            "account_name" => Valid with { AccountName = text },
            "name" => Valid with { Name = text },
            "task_type" => Valid with { TaskType = text },
            _ => Valid with { SysType = text },
        };

        var error = Assert.Single(TaskSpecValidator.Validate(spec));

        Assert.Equal(field, error.Field);
        Assert.Equal($"{field} is {length} characters long; shorten it to at most {length - 1}.", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31_536_001)]
    public void IntervalOutOfRangeIsRefused(int seconds)
    {
        var error = Assert.Single(Validate(s => WithSchedule(s, x => x with { IntervalSeconds = seconds })));

        Assert.Equal(new FieldError("interval", $"interval must be between 1 and 31536000 seconds; got {seconds}."), error);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(31_536_000)]
    public void IntervalAtTheLimitsIsValid(int seconds)
    {
        Assert.Empty(Validate(s => WithSchedule(s, x => x with { IntervalSeconds = seconds })));
    }

    [Fact]
    public void IntervalIsNotCheckedForOtherModes()
    {
        Assert.Empty(Validate(s => WithSchedule(s, x => x with { Mode = ScheduleMode.Cron, Cron = "*/5 * * * *", IntervalSeconds = 0 })));
    }

    [Theory]
    [InlineData(null, "cron is required when schedule_mode is cron")]
    [InlineData("* * *", "has 3 fields; give 5 (minute hour day-of-month month day-of-week) or 6 (seconds first)")]
    [InlineData("61 * * * *", "is not valid")]
    [InlineData("0 0 30 2 *", "never fires")]
    [InlineData("H * * * *", "uses H (jitter), which is not supported")]
    public void BadCronSaysWhatIsWrongAndGivesAnExample(string? cron, string expected)
    {
        var error = Assert.Single(Validate(s => WithSchedule(s, x => x with { Mode = ScheduleMode.Cron, Cron = cron })));

        Assert.Equal("cron", error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("e.g. \"*/5 * * * *\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("30 */2 * * * *")]
    [InlineData("0 9 * * MON-FRI")]
    [InlineData("@hourly")]
    public void GoodCronIsValid(string cron)
    {
        Assert.Empty(Validate(s => WithSchedule(s, x => x with { Mode = ScheduleMode.Cron, Cron = cron })));
    }

    [Fact]
    public void DailyNeedsAtLeastOneTime()
    {
        var error = Assert.Single(Validate(s => WithSchedule(s, x => x with { Mode = ScheduleMode.Daily, DailyAt = [] })));

        Assert.Equal("at", error.Field);
        Assert.StartsWith("at is required when schedule_mode is daily", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DailyAllowsAtMost48Times()
    {
        var times = Enumerable.Range(0, 49).Select(i => $"{i / 3:00}:{i % 3 * 15:00}").ToArray();

        var error = Assert.Single(Validate(s => WithSchedule(s, x => x with { Mode = ScheduleMode.Daily, DailyAt = times })));

        Assert.Equal(new FieldError("at", "at has 49 times; give at most 48, or use an interval or a cron expression instead."), error);
    }

    [Fact]
    public void DailyTimesMustParseAndNotRepeat()
    {
        var errors = Validate(s => WithSchedule(s, x => x with { Mode = ScheduleMode.Daily, DailyAt = ["09:00", "25:00", "9:00:00", "noon"] }));

        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Equal("at", e.Field));
        Assert.Contains("\"25:00\" is not a time of day", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("at lists 09:00:00 more than once; give each time of day once.", errors[1].Message);
        Assert.Contains("\"noon\" is not a time of day", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnceNeedsRunAt()
    {
        var error = Assert.Single(Validate(s => WithSchedule(s, x => x with { Mode = ScheduleMode.Once })));

        Assert.Equal("run_at", error.Field);
    }

    [Fact]
    public void OnceWithRunImmediatelyNeedsNoRunAt()
    {
        Assert.Empty(Validate(s => WithSchedule(s, x => x with { Mode = ScheduleMode.Once, RunImmediately = true })));
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    public void UnknownTimeZoneSuggestsAnIanaId(string zone)
    {
        var error = Assert.Single(Validate(s => WithSchedule(s, x => x with { TimeZone = zone })));

        Assert.Equal("time_zone", error.Field);
        Assert.Contains("\"Europe/Berlin\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EndTimeMustParse()
    {
        var error = Assert.Single(Validate(s => WithSchedule(s, x => x with { TaskEndTime = "2026-02-30" })));

        Assert.Equal("task_end_time", error.Field);
        Assert.Contains("names a day that does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EndTimeMustBeAfterTheStartTime()
    {
        var error = Assert.Single(Validate(s => WithSchedule(s, x => x with { StartTime = new DateTimeOffset(2026, 2, 9, 1, 0, 0, TimeSpan.Zero), TaskEndTime = "2026-02-08" })));

        Assert.Equal(new FieldError("task_end_time", "task_end_time (2026-02-09T00:00:00Z) must be after start_time (2026-02-09T01:00:00Z); give a later end or an earlier start."), error);
    }

    [Fact]
    public void EndTimeMustBeAfterRunAt()
    {
        var error = Assert.Single(Validate(s => WithSchedule(s, x => x with { Mode = ScheduleMode.Once, RunAt = new DateTimeOffset(2026, 2, 8, 12, 0, 0, TimeSpan.Zero), TaskEndTime = "2026-02-08T12:00:00Z" })));

        Assert.Equal("task_end_time", error.Field);
        Assert.Contains("must be after run_at", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartTimeMustBeAPlausibleDate()
    {
        var error = Assert.Single(Validate(s => WithSchedule(s, x => x with { StartTime = DateTimeOffset.MinValue })));

        Assert.Equal("start_time", error.Field);
    }

    [Theory]
    [InlineData("[1]", "must be a JSON object")]
    [InlineData("\"text\"", "must be a JSON object")]
    [InlineData("{\"a\": ", "is not valid JSON")]
    public void KwargsMustBeAJsonObject(string json, string expected)
    {
        var error = Assert.Single(Validate(s => s with { KwargsJson = json }));

        Assert.Equal("kwargs", error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("misfire_grace_seconds")]
    [InlineData("timeout_seconds")]
    [InlineData("max_retries")]
    [InlineData("retry_backoff_seconds")]
    [InlineData("max_consecutive_failures")]
    public void LimitsAreCheckedAtBothEnds(string field)
    {
        Func<TaskSpec, TaskSpec>[] outOfRange = field switch
        {
            "misfire_grace_seconds" => [s => WithSchedule(s, x => x with { MisfireGraceSeconds = 0 }), s => WithSchedule(s, x => x with { MisfireGraceSeconds = 86_401 })],
            "timeout_seconds" => [s => WithExecution(s, x => x with { TimeoutSeconds = 0 }), s => WithExecution(s, x => x with { TimeoutSeconds = 86_401 })],
            "max_retries" => [s => WithExecution(s, x => x with { MaxRetries = -1 }), s => WithExecution(s, x => x with { MaxRetries = 21 })],
            "retry_backoff_seconds" => [s => WithExecution(s, x => x with { RetryBackoffSeconds = -0.5 }), s => WithExecution(s, x => x with { RetryBackoffSeconds = double.NaN })],
            _ => [s => WithExecution(s, x => x with { MaxConsecutiveFailures = 0 }), s => WithExecution(s, x => x with { MaxConsecutiveFailures = 1001 })],
        };

        foreach (var change in outOfRange)
        {
            var error = Assert.Single(Validate(change));
            Assert.Equal(field, error.Field);
            Assert.StartsWith($"{field} must be between ", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ExecutorIsRequired()
    {
        var error = Assert.Single(Validate(s => WithExecution(s, x => x with { Executor = " " })));

        Assert.Equal("executor", error.Field);
    }

    [Fact]
    public void WhetherAnExecutorNeedsAWebhookIsTheExecutorsRule()
    {
        Assert.Empty(Validate(s => WithExecution(s, x => x with { Executor = "http" })));
    }

    [Fact]
    public void AWebhookThatIsGivenIsCheckedWhateverTheExecutor()
    {
        var errors = Validate(s => WithExecution(s, x => x with { Executor = "log", Http = new HttpTarget { Url = "ftp://example.com", Method = "HEAD" } }));

        Assert.Equal(["http.url", "http.method"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("/relative/path")]
    [InlineData("mailto:someone@example.com")]
    [InlineData("not a url")]
    public void HttpUrlMustBeAbsoluteHttpOrHttps(string url)
    {
        var error = Assert.Single(Validate(s => WithExecution(s, x => x with { Executor = "http", Http = new HttpTarget { Url = url } })));

        Assert.Equal("http.url", error.Field);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("post")]
    [InlineData("DELETE")]
    public void HttpMethodsThatAreAllowed(string method)
    {
        Assert.Empty(Validate(s => WithExecution(s, x => x with { Executor = "http", Http = new HttpTarget { Url = "https://example.com/hook", Method = method } })));
    }

    [Fact]
    public void OtherHttpMethodsAreRefused()
    {
        var error = Assert.Single(Validate(s => WithExecution(s, x => x with { Executor = "http", Http = new HttpTarget { Url = "http://127.0.0.1:8080/hook", Method = "HEAD" } })));

        Assert.Equal(new FieldError("http.method", "http.method \"HEAD\" is not supported; use GET, POST, PUT, PATCH or DELETE."), error);
    }

    [Fact]
    public void MalformedWindowIsRefused()
    {
        var error = Assert.Single(Validate(s => WithSchedule(s, x => x with { Window = new DailyWindow(600, 600) })));

        Assert.Equal("valid_time_range", error.Field);
    }
}

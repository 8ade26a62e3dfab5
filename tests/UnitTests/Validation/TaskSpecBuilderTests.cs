using Actors.Grains;
using Actors.Grains.Execution;
using Actors.Grains.Validation;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.UnitTests.Validation;

public sealed class TaskSpecBuilderTests
{
    private static readonly TaskSpecBuilder Builder = new(new ExecutorRegistry(
        [new LogExecutor(NullLogger<LogExecutor>.Instance), new HttpExecutor(new NoHttpClients())]));

    private static readonly CreateTaskRequest Minimal = new() { AccountId = "acct-1" };

    [Fact]
    public void EveryInvalidFieldIsListedAtOnceTheUnknownExecutorIncluded()
    {
        var request = new CreateTaskRequest
        {
            AccountId = "acct-1",
            ScheduleMode = "weekly",
            Interval = -5,
            ValidTimeRange = [8],
            TimeZone = "Mars/Olympus",
            StartTime = "yesterday-ish",
            Priority = "urgent",
            Executor = "nope",
            MaxRetries = 21,
            ShapeErrors = [new FieldError("timeout_seconds", "timeout_seconds must be a whole number; got the string \"x\".")],
        };

        var errors = Refused(request);

        Assert.Equal(
            ["timeout_seconds", "schedule_mode", "valid_time_range", "start_time", "priority", "interval", "time_zone", "max_retries", "executor"],
            errors.Select(e => e.Field));
        Assert.Equal(new FieldError("executor", "No executor named 'nope' is registered; use one of: http, log."), errors[^1]);
    }

    [Fact]
    public void TheExecutorsOwnRulesAreReportedWithTheOtherFields()
    {
        var errors = Refused(Minimal with { Interval = 0, Executor = "http" });

        Assert.Equal(["interval", "http.url"], errors.Select(e => e.Field));
        Assert.StartsWith("http.url is required for the http executor", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExecutorThatIsMissingIsNotAlsoReportedAsUnknown()
    {
        var error = Assert.Single(Refused(Minimal with { Executor = " " }));

        Assert.StartsWith("executor is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFieldTheCallerCouldNotReadIsReportedOnceForWhatWasSent()
    {
        var unreadable = new FieldError("account_id", "account_id must be a string; got the number 42.");

        Assert.Equal([unreadable], Refused(new CreateTaskRequest { ShapeErrors = [unreadable] }));
    }

    [Fact]
    public void WhatTheClientLeftOutGetsTheDefaults()
    {
        var spec = Built(Minimal);

        Assert.Equal(("acct-1", "acct-1", "xhs_type", "acct-1 xhs_type", "", TaskPriority.Normal, "{}"),
            (spec.AccountId, spec.AccountName, spec.TaskType, spec.Name, spec.SysType, spec.Priority, spec.KwargsJson));
        Assert.Equal((ScheduleMode.Interval, 3600, "UTC", false, null, (string?)null),
            (spec.Schedule.Mode, spec.Schedule.IntervalSeconds, spec.Schedule.TimeZone, spec.Schedule.RunImmediately, spec.Schedule.Window, spec.Schedule.TaskEndTime));
        Assert.Equal(("log", 300, 3, 2.0, OverlapPolicy.Skip, 5, (HttpTarget?)null),
            (spec.Execution.Executor, spec.Execution.TimeoutSeconds, spec.Execution.MaxRetries, spec.Execution.RetryBackoffSeconds,
             spec.Execution.Overlap, spec.Execution.MaxConsecutiveFailures, spec.Execution.Http));
    }

    [Fact]
    public void WhatTheClientGaveWinsOverEveryDefault()
    {
        var spec = Built(new CreateTaskRequest
        {
            AccountId = "acct-1",
            AccountName = "Alice",
            Name = "nightly",
            TaskType = "report",
            SysType = "mac_intel",
            Priority = "low",
            KwargsJson = "{\"user_query\":\"start\"}",
            ScheduleMode = "daily",
            At = ["09:00"],
            TimeZone = "Europe/Berlin",
            DefaultTimeZone = "Asia/Shanghai",
            RunImmediately = true,
            Executor = "http",
            Http = new HttpTargetRequest { Url = "https://example.com/hook", Method = "put", Headers = new() { ["X-Key"] = "k" } },
            TimeoutSeconds = 10,
            MaxRetries = 0,
            RetryBackoffSeconds = 0.5,
            Overlap = "queue_one",
            MaxConsecutiveFailures = 1,
        });

        Assert.Equal(("Alice", "nightly", "report", "mac_intel", TaskPriority.Low, "{\"user_query\":\"start\"}"),
            (spec.AccountName, spec.Name, spec.TaskType, spec.SysType, spec.Priority, spec.KwargsJson));
        Assert.Equal((ScheduleMode.Daily, "09:00", "Europe/Berlin", true), (spec.Schedule.Mode, spec.Schedule.DailyAt.Single(), spec.Schedule.TimeZone, spec.Schedule.RunImmediately));
        Assert.Equal(("http", 10, 0, 0.5, OverlapPolicy.QueueOne, 1), (spec.Execution.Executor, spec.Execution.TimeoutSeconds, spec.Execution.MaxRetries,
            spec.Execution.RetryBackoffSeconds, spec.Execution.Overlap, spec.Execution.MaxConsecutiveFailures));
        Assert.Equal(("https://example.com/hook", "PUT", "k"), (spec.Execution.Http!.Url, spec.Execution.Http.Method, spec.Execution.Http.Headers["x-key"]));
    }

    [Theory]
    [InlineData(null, null, "UTC")]
    [InlineData(null, "Asia/Shanghai", "Asia/Shanghai")]
    [InlineData("Europe/Berlin", "Asia/Shanghai", "Europe/Berlin")]
    public void TheConfiguredZoneIsTheDefaultZone(string? given, string? configured, string expected)
    {
        Assert.Equal(expected, Built(Minimal with { TimeZone = given, DefaultTimeZone = configured }).Schedule.TimeZone);
    }

    [Theory]
    [InlineData("intraday", ScheduleMode.Interval)]
    [InlineData("Interval", ScheduleMode.Interval)]
    [InlineData("CRON", ScheduleMode.Cron)]
    public void ScheduleModesAreReadWhateverTheirCase(string mode, ScheduleMode expected)
    {
        Assert.Equal(expected, Built(Minimal with { ScheduleMode = mode, Cron = "*/5 * * * *" }).Schedule.Mode);
    }

    [Fact]
    public void AnHourRangeWinsOverATimeSlot()
    {
        var window = new TimeSlotRequest("08:00", "22:30");

        Assert.Equal(new DailyWindow(480, 1320), Built(Minimal with { ValidTimeRange = [8, 22], TimeSlot = window }).Schedule.Window);
        Assert.Equal(new DailyWindow(480, 1350), Built(Minimal with { TimeSlot = window }).Schedule.Window);
    }

    [Fact]
    public void ABadTimeSlotIsReportedUnderTimeSlot()
    {
        var error = Assert.Single(Refused(Minimal with { TimeSlot = new TimeSlotRequest(null, "09:00") }));

        Assert.Equal(new FieldError("time_slot", "time_slot.start_time: \"\" is not a time of day; write HH:mm from 00:00 to 23:59, e.g. \"08:00\" or \"22:30\"."), error);
    }

    [Fact]
    public void AnUnreadableRunAtIsReportedOnceAndNotAlsoAsMissing()
    {
        var error = Assert.Single(Refused(Minimal with { ScheduleMode = "once", RunAt = "soon" }));

        Assert.Equal(new FieldError("run_at", "run_at must be an ISO 8601 date-time such as 2026-01-08T10:30:00Z; got 'soon'."), error);
    }

    [Fact]
    public void DateTimesWithoutAnOffsetAreUtc()
    {
        var spec = Built(Minimal with { ScheduleMode = "once", RunAt = "2099-02-08T09:30:00" });

        Assert.Equal(new DateTimeOffset(2099, 2, 8, 9, 30, 0, TimeSpan.Zero), spec.Schedule.RunAt);
    }

    [Theory]
    [InlineData("overlap", "queue", "overlap must be skip or queue_one; got 'queue'.")]
    [InlineData("priority", "High", "priority must be high, normal or low; got 'High'.")]
    public void LabelsMustBeOneOfTheirValues(string field, string value, string message)
    {
        var request = field == "overlap" ? Minimal with { Overlap = value } : Minimal with { Priority = value };

        Assert.Equal(new FieldError(field, message), Assert.Single(Refused(request)));
    }

    private static TaskSpec Built(CreateTaskRequest request)
    {
        Assert.True(Builder.TryBuild(request, out var spec, out var errors), string.Join("; ", errors));
        Assert.Empty(errors);
        return spec;
    }

    private static IReadOnlyList<FieldError> Refused(CreateTaskRequest request)
    {
        Assert.False(Builder.TryBuild(request, out var spec, out var errors));
        Assert.Null(spec);
        return errors;
    }

    private sealed class NoHttpClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new NotSupportedException("validation never calls out");
    }
}

using System.Globalization;
using System.Text.Json;
using Actors.Grains.Scheduling;
using Actors.Grains.Validation;
using NodaTime;

// Kept in the root namespace: the task grain names it unqualified.
namespace Actors.Grains;

/// <summary>
/// What makes a <see cref="TaskSpec"/> valid, apart from what its executor requires (see
/// <see cref="Execution.IExecutor.Validate"/>): the rule set <see cref="TaskSpecBuilder"/> applies to every
/// create request and the task grain checks again.
/// </summary>
public static class TaskSpecValidator
{
    /// <summary>The longest interval: one year.</summary>
    public const int MaxIntervalSeconds = 31_536_000;

    /// <summary>The most daily times a task may have.</summary>
    public const int MaxDailyTimes = 48;

    private const int MaxIdLength = 200;
    private const int MaxLabelLength = 100;
    private const int MaxKwargsLength = 65_536;

    private static readonly DateTimeOffset EarliestInstant = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestInstant = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] HttpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    /// <summary>Every problem with the spec at once, with wire field names (snake_case); empty when valid.</summary>
    public static IReadOnlyList<FieldError> Validate(TaskSpec spec)
    {
        var errors = new List<FieldError>();
        ValidateIdentity(spec, errors);
        ValidateKwargs(spec.KwargsJson, errors);
        ValidateSchedule(spec.Schedule, errors);
        ValidateExecution(spec.Execution, errors);
        return errors;
    }

    private static void ValidateIdentity(TaskSpec spec, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(spec.AccountId))
        {
            errors.Add(new("account_id", "account_id is required; give the id of the account the task belongs to, e.g. \"acct-42\"."));
        }
        else
        {
            MaxLength(errors, "account_id", spec.AccountId, MaxIdLength);
        }

        MaxLength(errors, "account_name", spec.AccountName, MaxIdLength);
        MaxLength(errors, "name", spec.Name, MaxIdLength);
        MaxLength(errors, "task_type", spec.TaskType, MaxLabelLength);
        MaxLength(errors, "sys_type", spec.SysType, MaxLabelLength);
        if (!Enum.IsDefined(spec.Priority))
        {
            errors.Add(new("priority", $"priority must be high, normal or low; got {(int)spec.Priority}."));
        }
    }

    private static void ValidateKwargs(string? json, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return;
        }

        if (json.Length > MaxKwargsLength)
        {
            errors.Add(new("kwargs", $"kwargs is {json.Length} characters of JSON; keep it under {MaxKwargsLength}."));
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new("kwargs", $"kwargs must be a JSON object such as {{\"user_id\": \"u1\"}}; got a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}."));
            }
        }
        catch (JsonException ex)
        {
            errors.Add(new("kwargs", $"kwargs is not valid JSON ({ex.Message}); give a JSON object such as {{\"user_id\": \"u1\"}}."));
        }
    }

    private static void ValidateSchedule(ScheduleSpec schedule, List<FieldError> errors)
    {
        if (!Enum.IsDefined(schedule.Mode))
        {
            errors.Add(new("schedule_mode", $"schedule_mode must be interval, daily, cron or once; got {(int)schedule.Mode}."));
        }

        switch (schedule.Mode)
        {
            case ScheduleMode.Interval when schedule.IntervalSeconds is < 1 or > MaxIntervalSeconds:
                errors.Add(new("interval", $"interval must be between 1 and {MaxIntervalSeconds} seconds; got {schedule.IntervalSeconds}."));
                break;
            case ScheduleMode.Cron when !CronExpressionParser.TryParse(schedule.Cron, out _, out var cronError):
                errors.Add(new("cron", cronError));
                break;
            case ScheduleMode.Daily:
                ValidateDailyTimes(schedule.DailyAt, errors);
                break;
            case ScheduleMode.Once when schedule.RunAt is null && !schedule.RunImmediately:
                errors.Add(new("run_at", "run_at is required when schedule_mode is once; give an ISO 8601 date-time such as \"2026-02-08T09:00:00+01:00\"."));
                break;
            default:
                break;
        }

        InRange(errors, "run_at", schedule.RunAt);
        InRange(errors, "start_time", schedule.StartTime);

        if (schedule.Window is { } window && DailyWindowParser.Check(window) is { } windowError)
        {
            errors.Add(new("valid_time_range", windowError));
        }

        var zoneKnown = TimeZoneLookup.TryFind(schedule.TimeZone, out var zone, out var zoneError);
        if (!zoneKnown)
        {
            errors.Add(new("time_zone", zoneError));
        }

        if (schedule.MisfireGraceSeconds is { } grace && grace is < 1 or > 86_400)
        {
            errors.Add(new("misfire_grace_seconds", $"misfire_grace_seconds must be between 1 and 86400 (one day); got {grace}. Leave it out to use one interval, at most an hour."));
        }

        ValidateEndTime(schedule, zoneKnown ? zone : null, errors);
    }

    private static void ValidateDailyTimes(string[]? times, List<FieldError> errors)
    {
        if (times is null || times.Length == 0)
        {
            errors.Add(new("at", "at is required when schedule_mode is daily; give 1 to 48 local times of day, e.g. [\"09:00\", \"18:30\"]."));
            return;
        }

        if (times.Length > MaxDailyTimes)
        {
            errors.Add(new("at", $"at has {times.Length} times; give at most {MaxDailyTimes}, or use an interval or a cron expression instead."));
            return;
        }

        var seen = new HashSet<TimeOnly>();
        foreach (var text in times)
        {
            if (!LocalTimeOfDay.TryParse(text, out var time, out var error))
            {
                errors.Add(new("at", $"at: {error}"));
            }
            else if (!seen.Add(time))
            {
                errors.Add(new("at", $"at lists {time.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} more than once; give each time of day once."));
            }
        }
    }

    private static void ValidateEndTime(ScheduleSpec schedule, DateTimeZone? zone, List<FieldError> errors)
    {
        if (schedule.TaskEndTime is null)
        {
            return;
        }

        if (!TaskEndTime.TryResolve(schedule.TaskEndTime, zone ?? DateTimeZone.Utc, out var endAt, out var error))
        {
            errors.Add(new("task_end_time", error));
            return;
        }

        if (zone is null)
        {
            return;
        }

        if (schedule.StartTime is { } start && endAt <= start)
        {
            errors.Add(new("task_end_time", $"task_end_time ({endAt:yyyy-MM-dd'T'HH:mm:ss'Z'}) must be after start_time ({start.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}); give a later end or an earlier start."));
        }

        if (schedule.Mode == ScheduleMode.Once && schedule.RunAt is { } runAt && endAt <= runAt)
        {
            errors.Add(new("task_end_time", $"task_end_time ({endAt:yyyy-MM-dd'T'HH:mm:ss'Z'}) must be after run_at ({runAt.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}); give a later end or an earlier run_at."));
        }
    }

    private static void ValidateExecution(ExecutionSpec execution, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(execution.Executor))
        {
            errors.Add(new("executor", "executor is required; name a plugin such as \"log\" or \"http\" (GET /api/v1/plugins lists them)."));
        }
        else
        {
            MaxLength(errors, "executor", execution.Executor, MaxLabelLength);
        }

        Between(errors, "timeout_seconds", execution.TimeoutSeconds, 1, 86_400, "one day");
        Between(errors, "max_retries", execution.MaxRetries, 0, 20, null);
        if (!(execution.RetryBackoffSeconds >= 0 && execution.RetryBackoffSeconds <= 3600))
        {
            errors.Add(new("retry_backoff_seconds", $"retry_backoff_seconds must be between 0 and 3600 seconds; got {execution.RetryBackoffSeconds.ToString(CultureInfo.InvariantCulture)}."));
        }

        Between(errors, "max_consecutive_failures", execution.MaxConsecutiveFailures, 1, 1000, null);
        Between(errors, "queue_timeout_seconds", execution.QueueTimeoutSeconds, 1, 86_400, "one day");
        if (!Enum.IsDefined(execution.Overlap))
        {
            errors.Add(new("overlap", $"overlap must be skip or queue_one; got {(int)execution.Overlap}."));
        }

        // Whether the executor needs a webhook is its own rule; a webhook given is checked whatever the executor.
        if (execution.Http is { } http && !string.IsNullOrWhiteSpace(http.Url)
            && !(Uri.TryCreate(http.Url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(uri.Host)))
        {
            errors.Add(new("http.url", $"http.url \"{Shorten(http.Url)}\" is not an absolute http or https URL; write one such as \"https://example.com/hooks/run\"."));
        }

        if (execution.Http is { } target && !HttpMethods.Contains(target.Method?.Trim() ?? "", StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(new("http.method", $"http.method \"{Shorten(target.Method ?? "")}\" is not supported; use GET, POST, PUT, PATCH or DELETE."));
        }
    }

    private static void MaxLength(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new(field, $"{field} is {value.Length} characters long; shorten it to at most {max}."));
        }
    }

    private static void Between(List<FieldError> errors, string field, int value, int min, int max, string? maxMeaning)
    {
        if (value < min || value > max)
        {
            var meaning = maxMeaning is null ? "" : $" ({maxMeaning})";
            errors.Add(new(field, $"{field} must be between {min} and {max}{meaning}; got {value}."));
        }
    }

    private static void InRange(List<FieldError> errors, string field, DateTimeOffset? instant)
    {
        if (instant is { } value && (value < EarliestInstant || value >= LatestInstant))
        {
            errors.Add(new(field, $"{field} must be a date-time between the years 2000 and 8999; got {value:O}."));
        }
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 61), "...");
}

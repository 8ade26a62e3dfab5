using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Grains;

namespace Actors.WebApi.Contracts;

/// <summary>
/// Reads a create request (seed 001 shape) into a <see cref="TaskSpec"/>, collecting every type
/// error with the field name as the client sent it. Aliases: xhs_account_id/xhs_account_name;
/// unknown fields (user_* and others) land in kwargs; schedule_mode intraday means interval.
/// </summary>
public sealed class TaskRequestReader(JsonElement body, string defaultTimeZone)
{
    private static readonly HashSet<string> Known =
    [
        "name", "account_id", "xhs_account_id", "account_name", "xhs_account_name", "task_type", "sys_type", "priority",
        "executor", "kwargs", "schedule_mode", "interval", "valid_time_range", "time_slot", "cron", "at", "run_at", "time_zone",
        "start_time", "run_immediately", "task_end_time", "http", "timeout_seconds", "max_retries", "retry_backoff_seconds",
        "overlap", "max_consecutive_failures", "misfire_grace_seconds",
    ];

    private readonly List<FieldError> _errors = [];

    /// <summary>Type errors found while reading.</summary>
    public IReadOnlyList<FieldError> Errors => _errors;

    /// <summary>Field names the client used, by canonical name (for error messages).</summary>
    public Dictionary<string, string> SentNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads the spec; check <see cref="Errors"/> afterwards.</summary>
    public TaskSpec Read()
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(new FieldError("body", "The request body must be a JSON object."));
            return new TaskSpec();
        }

        var accountId = String("account_id", "xhs_account_id") ?? "";
        var mode = String("schedule_mode") ?? "interval";
        var scheduleMode = mode.ToLowerInvariant() switch
        {
            "interval" or "intraday" => ScheduleMode.Interval,
            "daily" => ScheduleMode.Daily,
            "cron" => ScheduleMode.Cron,
            "once" => ScheduleMode.Once,
            _ => Error<ScheduleMode>("schedule_mode", $"schedule_mode must be interval, daily, cron or once (intraday is an alias of interval); got '{mode}'."),
        };
        var schedule = new ScheduleSpec
        {
            Mode = scheduleMode,
            IntervalSeconds = Int("interval") ?? ScheduleSpec.DefaultIntervalSeconds,
            Cron = String("cron"),
            DailyAt = Strings("at") ?? [],
            RunAt = Instant("run_at"),
            Window = Window(),
            TimeZone = String("time_zone") ?? defaultTimeZone,
            StartTime = Instant("start_time"),
            RunImmediately = Bool("run_immediately") ?? false,
            TaskEndTime = String("task_end_time"),
            MisfireGraceSeconds = Int("misfire_grace_seconds"),
        };
        var execution = new ExecutionSpec
        {
            Executor = String("executor") ?? "log",
            Http = Http(),
            TimeoutSeconds = Int("timeout_seconds") ?? 300,
            MaxRetries = Int("max_retries") ?? 3,
            RetryBackoffSeconds = Number("retry_backoff_seconds") ?? 2,
            Overlap = String("overlap") switch
            {
                null or "skip" => OverlapPolicy.Skip,
                "queue_one" => OverlapPolicy.QueueOne,
                var other => Error<OverlapPolicy>("overlap", $"overlap must be skip or queue_one; got '{other}'."),
            },
            MaxConsecutiveFailures = Int("max_consecutive_failures") ?? 5,
        };
        var accountName = String("account_name", "xhs_account_name") ?? accountId;
        var taskType = String("task_type") ?? "xhs_type";
        return new TaskSpec
        {
            Name = String("name") ?? $"{accountName} {taskType}",
            AccountId = accountId,
            AccountName = accountName,
            TaskType = taskType,
            SysType = String("sys_type") ?? "",
            Priority = String("priority") switch
            {
                null or "normal" => TaskPriority.Normal,
                "high" => TaskPriority.High,
                "low" => TaskPriority.Low,
                var other => Error<TaskPriority>("priority", $"priority must be high, normal or low; got '{other}'."),
            },
            KwargsJson = Kwargs(),
            Schedule = schedule,
            Execution = execution,
        };
    }

    private bool TryGet(out JsonElement value, out string sent, params string[] names)
    {
        foreach (var name in names)
        {
            if (body.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
            {
                sent = name;
                SentNames[names[0]] = name;
                return true;
            }
        }

        value = default;
        sent = names[0];
        return false;
    }

    private string? String(params string[] names)
    {
        if (!TryGet(out var value, out var sent, names))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : Error<string?>(sent, $"{sent} must be a string; got {Describe(value)}.");
    }

    private int? Int(string name)
    {
        if (!TryGet(out var value, out _, name))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        return Error<int?>(name, value.ValueKind == JsonValueKind.Number
            ? $"{name} must be a whole number between {int.MinValue} and {int.MaxValue}; got {value.GetRawText()}."
            : $"{name} must be a whole number; got {Describe(value)}.");
    }

    private double? Number(string name)
    {
        if (!TryGet(out var value, out _, name))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : Error<double?>(name, $"{name} must be a number; got {Describe(value)}.");
    }

    private bool? Bool(string name)
    {
        if (!TryGet(out var value, out _, name))
        {
            return null;
        }

        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : Error<bool?>(name, $"{name} must be true or false; got {Describe(value)}.");
    }

    private string[]? Strings(string name)
    {
        if (!TryGet(out var value, out _, name))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
        {
            return [.. value.EnumerateArray().Select(e => e.GetString()!)];
        }

        return Error<string[]?>(name, $"{name} must be an array of \"HH:mm\" strings, e.g. [\"09:00\", \"18:30\"]; got {Describe(value)}.");
    }

    private DateTimeOffset? Instant(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : Error<DateTimeOffset?>(name, $"{name} must be an ISO 8601 date-time such as 2026-01-08T10:30:00Z; got '{text}'.");
    }

    /// <summary>Reads the JSON shape of the window; what makes a window valid is <see cref="DailyWindowParser"/>'s rule.</summary>
    private DailyWindow? Window()
    {
        DailyWindowParseResult? parsed = null;
        string field;
        if (TryGet(out var range, out field, "valid_time_range"))
        {
            if (range.ValueKind != JsonValueKind.Array || !range.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out _)))
            {
                return Error<DailyWindow?>(field, $"valid_time_range must be an array of two whole hours, e.g. [8, 22]; got {Describe(range)}.");
            }

            parsed = DailyWindowParser.FromHourRange([.. range.EnumerateArray().Select(e => e.GetInt32())]);
        }
        else if (TryGet(out var slot, out field, "time_slot"))
        {
            if (slot.ValueKind != JsonValueKind.Object)
            {
                return Error<DailyWindow?>(field, $"time_slot must be an object like {{\"start_time\": \"08:00\", \"end_time\": \"22:30\"}}; got {Describe(slot)}.");
            }

            static string? Text(JsonElement o, string name) => o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            parsed = DailyWindowParser.FromTimeSlot(Text(slot, "start_time"), Text(slot, "end_time"));
        }

        return parsed switch
        {
            null => null,
            { Succeeded: true } ok => ok.Window,
            var failed => Error<DailyWindow?>(field, failed.Error!),
        };
    }

    private HttpTarget? Http()
    {
        if (!TryGet(out var value, out _, "http"))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return Error<HttpTarget?>("http", "http must be an object: {\"url\": \"https://...\", \"method\": \"POST\", \"headers\": {}}.");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (value.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in h.EnumerateObject())
            {
                headers[header.Name] = header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString()! : header.Value.GetRawText();
            }
        }

        return new HttpTarget
        {
            Url = value.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString()! : "",
            Method = value.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String ? method.GetString()!.ToUpperInvariant() : "POST",
            Headers = headers,
        };
    }

    private string Kwargs()
    {
        var kwargs = new JsonObject();
        if (TryGet(out var given, out _, "kwargs"))
        {
            if (given.ValueKind != JsonValueKind.Object)
            {
                return Error<string>("kwargs", $"kwargs must be a JSON object; got {Describe(given)}.") ?? "{}";
            }

            foreach (var property in given.EnumerateObject())
            {
                kwargs[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }

        foreach (var property in body.EnumerateObject().Where(p => !Known.Contains(p.Name)))
        {
            kwargs[property.Name] = JsonNode.Parse(property.Value.GetRawText());
        }

        return kwargs.ToJsonString();
    }

    private T Error<T>(string field, string message)
    {
        _errors.Add(new FieldError(field, message));
        return default!;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}

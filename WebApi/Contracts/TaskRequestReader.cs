using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Grains;

namespace Actors.WebApi.Contracts;

/// <summary>
/// Maps a create request body (seed 001 shape) to a <see cref="CreateTaskRequest"/>: values as sent, a
/// shape error for each one of the wrong JSON kind, under the field name the client used. Aliases:
/// xhs_account_id/xhs_account_name; unknown fields (user_* and others) land in kwargs. What the values
/// mean, whether they are valid and what a missing one defaults to is the grains' business.
/// </summary>
public sealed class TaskRequestReader(JsonElement body, string defaultTimeZone)
{
    /// <summary>The fields the reader knows (every other one goes into kwargs); <see cref="CreateTaskBody"/> describes them.</summary>
    internal static readonly HashSet<string> Known =
    [
        "name", "account_id", "xhs_account_id", "account_name", "xhs_account_name", "task_type", "sys_type", "priority",
        "executor", "kwargs", "schedule_mode", "interval", "valid_time_range", "time_slot", "cron", "at", "run_at", "time_zone",
        "start_time", "run_immediately", "task_end_time", "http", "timeout_seconds", "max_retries", "retry_backoff_seconds",
        "overlap", "max_consecutive_failures", "misfire_grace_seconds", "agent", "queue_timeout_seconds",
    ];

    private readonly List<FieldError> _errors = [];

    /// <summary>Field names the client used, by canonical name (for error messages).</summary>
    public Dictionary<string, string> SentNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads the request.</summary>
    public CreateTaskRequest Read()
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return new CreateTaskRequest { DefaultTimeZone = defaultTimeZone, ShapeErrors = [new FieldError("body", "The request body must be a JSON object.")] };
        }

        return new CreateTaskRequest
        {
            AccountId = String("account_id", "xhs_account_id"),
            ScheduleMode = String("schedule_mode"),
            Interval = Int("interval"),
            Cron = String("cron"),
            At = Strings("at"),
            RunAt = String("run_at"),
            ValidTimeRange = Hours(),
            TimeSlot = TryGet(out _, out _, "valid_time_range") ? null : TimeSlot(), // valid_time_range wins
            TimeZone = String("time_zone"),
            DefaultTimeZone = defaultTimeZone,
            StartTime = String("start_time"),
            RunImmediately = Bool("run_immediately"),
            TaskEndTime = String("task_end_time"),
            MisfireGraceSeconds = Int("misfire_grace_seconds"),
            Executor = String("executor"),
            Http = Http(),
            TimeoutSeconds = Int("timeout_seconds"),
            MaxRetries = Int("max_retries"),
            RetryBackoffSeconds = Number("retry_backoff_seconds"),
            Overlap = String("overlap"),
            MaxConsecutiveFailures = Int("max_consecutive_failures"),
            Agent = Agent(),
            QueueTimeoutSeconds = Int("queue_timeout_seconds"),
            AccountName = String("account_name", "xhs_account_name"),
            TaskType = String("task_type"),
            Name = String("name"),
            SysType = String("sys_type"),
            Priority = String("priority"),
            KwargsJson = Kwargs(),
            ShapeErrors = [.. _errors], // last: every read above has added its errors
        };
    }

    /// <summary>The errors with the field names the client used (<c>xhs_account_id</c> rather than <c>account_id</c>).</summary>
    public IEnumerable<FieldError> AsSent(IEnumerable<FieldError> errors) =>
        errors.Select(e => e with { Field = SentNames.GetValueOrDefault(e.Field, e.Field) });

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

    private int[]? Hours()
    {
        if (!TryGet(out var range, out var field, "valid_time_range"))
        {
            return null;
        }

        return range.ValueKind == JsonValueKind.Array && range.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out _))
            ? [.. range.EnumerateArray().Select(e => e.GetInt32())]
            : Error<int[]?>(field, $"valid_time_range must be an array of two whole hours, e.g. [8, 22]; got {Describe(range)}.");
    }

    private TimeSlotRequest? TimeSlot()
    {
        if (!TryGet(out var slot, out var field, "time_slot"))
        {
            return null;
        }

        if (slot.ValueKind != JsonValueKind.Object)
        {
            return Error<TimeSlotRequest?>(field, $"time_slot must be an object like {{\"start_time\": \"08:00\", \"end_time\": \"22:30\"}}; got {Describe(slot)}.");
        }

        return new TimeSlotRequest(Text(slot, "start_time"), Text(slot, "end_time"));
    }

    private HttpTargetRequest? Http()
    {
        if (!TryGet(out var value, out _, "http"))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return Error<HttpTargetRequest?>("http", "http must be an object: {\"url\": \"https://...\", \"method\": \"POST\", \"headers\": {}}.");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (value.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in h.EnumerateObject())
            {
                headers[header.Name] = header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString()! : header.Value.GetRawText();
            }
        }

        return new HttpTargetRequest { Url = Text(value, "url"), Method = Text(value, "method"), Headers = headers };
    }

    private AgentTargetRequest? Agent()
    {
        if (!TryGet(out var value, out _, "agent"))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return Error<AgentTargetRequest?>("agent", "agent must be an object: {\"labels\": [\"linux\"], \"command\": [\"sh\", \"-c\", \"...\"], \"env\": {}, \"working_dir\": \"...\"}.");
        }

        string[]? labels = null, command = null;
        string? shell = null;
        if (value.TryGetProperty("labels", out var l) && l.ValueKind != JsonValueKind.Null)
        {
            labels = StringArray(l) ?? Error<string[]?>("agent.labels", $"agent.labels must be an array of strings; got {Describe(l)}.");
        }

        if (value.TryGetProperty("command", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            if (c.ValueKind == JsonValueKind.String)
            {
                shell = c.GetString();
            }
            else
            {
                command = StringArray(c) ?? Error<string[]?>("agent.command", $"agent.command must be an array of strings (program and arguments) or one shell string; got {Describe(c)}.");
            }
        }

        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value.TryGetProperty("env", out var e) && e.ValueKind != JsonValueKind.Null)
        {
            if (e.ValueKind == JsonValueKind.Object && e.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String))
            {
                foreach (var variable in e.EnumerateObject())
                {
                    env[variable.Name] = variable.Value.GetString()!;
                }
            }
            else
            {
                Error<object?>("agent.env", $"agent.env must be an object of string values, e.g. {{\"MODE\": \"fast\"}}; got {Describe(e)}.");
            }
        }

        return new AgentTargetRequest { Labels = labels, Command = command, Shell = shell, Env = env, WorkingDir = Text(value, "working_dir") };
    }

    private static string[]? StringArray(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            ? [.. value.EnumerateArray().Select(e => e.GetString()!)]
            : null;

    private string? Kwargs()
    {
        var kwargs = new JsonObject();
        if (TryGet(out var given, out _, "kwargs"))
        {
            if (given.ValueKind != JsonValueKind.Object)
            {
                return Error<string?>("kwargs", $"kwargs must be a JSON object; got {Describe(given)}.");
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

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

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

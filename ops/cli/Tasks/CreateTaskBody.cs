using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Cli.Commands;

namespace Actors.Cli.Tasks;

/// <summary>
/// The body of <c>POST /api/v1/tasks/</c> from a request file (sent as written) and the options given
/// on top of it (which win). Only the shape is the command line's business: whether the values are
/// valid, and what a missing one defaults to, is the server's.
/// </summary>
public static class CreateTaskBody
{
    /// <summary>The request body; a <see cref="UsageException"/> when the options cannot be put into JSON.</summary>
    public static JsonNode Build(JsonNode? file, TaskRequestValues values)
    {
        var options = FromOptions(values);
        switch (file)
        {
            case null:
                return options;
            case JsonObject given:
                var body = given.DeepClone().AsObject();
                foreach (var (name, value) in options)
                {
                    if (name == "http" && body["http"] is JsonObject http)
                    {
                        Merge(http, value!.AsObject());
                    }
                    else
                    {
                        body[name] = value?.DeepClone();
                    }
                }

                return body;
            default:
                return options.Count == 0
                    ? file // sent as written: the server says what is wrong with it
                    : throw new UsageException($"the request file holds a JSON {file.GetValueKind().ToString().ToLowerInvariant()}, so options cannot be added to it; it must be a JSON object.");
        }
    }

    /// <summary>Reads a request file (<c>-</c> for standard input) as JSON.</summary>
    public static JsonNode? ReadFile(string path, TextReader standardInput)
    {
        string text;
        try
        {
            text = path == "-" ? standardInput.ReadToEnd() : File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read --file {path}: {ex.Message}");
        }

        return Parse(text, $"--file {path}");
    }

    private static JsonObject FromOptions(TaskRequestValues values)
    {
        var body = new JsonObject();
        Set(body, "account_id", values.AccountId);
        Set(body, "account_name", values.AccountName);
        Set(body, "name", values.Name);
        Set(body, "task_type", values.TaskType);
        Set(body, "sys_type", values.SysType);
        Set(body, "priority", values.Priority);
        AddSchedule(body, values);
        Set(body, "start_time", values.StartTime);
        Set(body, "task_end_time", values.EndTime);
        Set(body, "time_zone", values.TimeZone);
        if (values.RunImmediately)
        {
            body["run_immediately"] = true;
        }

        Set(body, "executor", values.Executor);
        if (Http(values) is { } http)
        {
            body["http"] = http;
        }

        Set(body, "timeout_seconds", values.TimeoutSeconds);
        Set(body, "max_retries", values.MaxRetries);
        Set(body, "overlap", values.Overlap);
        if (values.Kwargs is { } kwargs)
        {
            body["kwargs"] = Parse(kwargs, values.KwargsOption);
        }

        return body;
    }

    // One schedule kind per command line; its option names the kind (schedule_mode), so --cron alone is a cron task.
    private static void AddSchedule(JsonObject body, TaskRequestValues values)
    {
        var daily = values.Daily.SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        var given = new List<(string Option, string Mode, string Field, JsonNode Value)>();
        if (values.Interval is { } interval)
        {
            given.Add(("--interval", "interval", "interval", interval));
        }

        if (values.Cron is { } cron)
        {
            given.Add(("--cron", "cron", "cron", cron));
        }

        if (daily.Length > 0)
        {
            given.Add(("--daily", "daily", "at", new JsonArray([.. daily.Select(d => (JsonNode?)d)])));
        }

        if (values.RunAt is { } runAt)
        {
            given.Add(("--run-at", "once", "run_at", runAt));
        }

        if (given.Count > 1)
        {
            throw new UsageException($"give one schedule, not {string.Join(" and ", given.Select(g => g.Option))}: --interval, --cron, --daily or --run-at.");
        }

        foreach (var (_, mode, field, value) in given)
        {
            body["schedule_mode"] = mode;
            body[field] = value;
        }

        if (values.Window is { } window)
        {
            var ends = window.Split('-', StringSplitOptions.TrimEntries);
            body["time_slot"] = ends.Length == 2
                ? new JsonObject { ["start_time"] = ends[0], ["end_time"] = ends[1] }
                : throw new UsageException($"--window must be START-END in local time, e.g. 08:00-22:30; got '{window}'.");
        }
    }

    private static JsonObject? Http(TaskRequestValues values)
    {
        if (values.Url is null && values.Method is null && values.Headers.Count == 0)
        {
            return null;
        }

        var http = new JsonObject();
        Set(http, "url", values.Url);
        Set(http, "method", values.Method);
        if (values.Headers.Count > 0)
        {
            var headers = new JsonObject();
            foreach (var header in values.Headers)
            {
                var colon = header.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    throw new UsageException($"--header must be 'Name: value'; got '{header}'.");
                }

                headers[header[..colon].Trim()] = header[(colon + 1)..].Trim();
            }

            http["headers"] = headers;
        }

        return http;
    }

    private static void Merge(JsonObject into, JsonObject from)
    {
        foreach (var (name, value) in from)
        {
            if (into[name] is JsonObject inner && value is JsonObject more)
            {
                Merge(inner, more);
            }
            else
            {
                into[name] = value?.DeepClone();
            }
        }
    }

    // string? and int? convert to JsonNode? (null for null): a value left out is not sent.
    private static void Set(JsonObject body, string name, JsonNode? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }
    }

    private static JsonNode? Parse(string text, string source)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new UsageException($"{source} is not valid JSON: {ex.Message}");
        }
    }
}

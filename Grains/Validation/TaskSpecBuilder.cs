using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Actors.Grains.Execution;

namespace Actors.Grains.Validation;

/// <summary>
/// Turns a client's <see cref="CreateTaskRequest"/> into a normalised <see cref="TaskSpec"/>, or into every
/// invalid field at once: what the caller could not read, values that do not parse, the rules of
/// <see cref="TaskSpecValidator"/> and those of the named executor, including whether it exists.
/// </summary>
/// <remarks>
/// The only place defaults are applied. Their values are the initial values of the wire records
/// (<see cref="TaskSpec"/>, <see cref="ScheduleSpec"/>, <see cref="ExecutionSpec"/>, <see cref="HttpTarget"/>);
/// the time zone is the caller's configured default, and the names default to the account's.
/// </remarks>
public sealed class TaskSpecBuilder(ExecutorRegistry executors)
{
    private static readonly TaskSpec Defaults = new();
    private static readonly HttpTarget DefaultHttp = new();

    /// <summary>Builds the spec, or lists every problem with the request (with wire field names).</summary>
    /// <returns>True and the spec; or false and every invalid field.</returns>
    public bool TryBuild(CreateTaskRequest request, [NotNullWhen(true)] out TaskSpec? spec, out IReadOnlyList<FieldError> errors)
    {
        var found = new List<FieldError>(request.ShapeErrors);
        var mode = Mode(request.ScheduleMode, found);
        var runAt = Instant("run_at", request.RunAt, found);
        var window = Window(request, found);
        var startTime = Instant("start_time", request.StartTime, found);
        var overlap = request.Overlap switch
        {
            null => Defaults.Execution.Overlap,
            "skip" => OverlapPolicy.Skip,
            "queue_one" => OverlapPolicy.QueueOne,
            var other => Invalid(found, "overlap", $"overlap must be skip or queue_one; got '{other}'.", Defaults.Execution.Overlap),
        };
        var priority = request.Priority switch
        {
            null => Defaults.Priority,
            "high" => TaskPriority.High,
            "normal" => TaskPriority.Normal,
            "low" => TaskPriority.Low,
            var other => Invalid(found, "priority", $"priority must be high, normal or low; got '{other}'.", Defaults.Priority),
        };

        var accountId = request.AccountId ?? Defaults.AccountId;
        var accountName = request.AccountName ?? accountId;
        var taskType = request.TaskType ?? Defaults.TaskType;
        var candidate = new TaskSpec
        {
            Name = request.Name ?? $"{accountName} {taskType}",
            AccountId = accountId,
            AccountName = accountName,
            TaskType = taskType,
            SysType = request.SysType ?? Defaults.SysType,
            Priority = priority,
            KwargsJson = request.KwargsJson ?? Defaults.KwargsJson,
            Schedule = new ScheduleSpec
            {
                Mode = mode,
                IntervalSeconds = request.Interval ?? Defaults.Schedule.IntervalSeconds,
                Cron = request.Cron,
                DailyAt = request.At ?? Defaults.Schedule.DailyAt,
                RunAt = runAt,
                Window = window,
                TimeZone = request.TimeZone ?? request.DefaultTimeZone ?? Defaults.Schedule.TimeZone,
                StartTime = startTime,
                RunImmediately = request.RunImmediately ?? Defaults.Schedule.RunImmediately,
                TaskEndTime = request.TaskEndTime,
                MisfireGraceSeconds = request.MisfireGraceSeconds,
            },
            Execution = new ExecutionSpec
            {
                Executor = request.Executor ?? Defaults.Execution.Executor,
                Http = request.Http is { } http ? Http(http) : null,
                TimeoutSeconds = request.TimeoutSeconds ?? Defaults.Execution.TimeoutSeconds,
                MaxRetries = request.MaxRetries ?? Defaults.Execution.MaxRetries,
                RetryBackoffSeconds = request.RetryBackoffSeconds ?? Defaults.Execution.RetryBackoffSeconds,
                Overlap = overlap,
                MaxConsecutiveFailures = request.MaxConsecutiveFailures ?? Defaults.Execution.MaxConsecutiveFailures,
                Agent = request.Agent is { } agent ? Agent(agent) : null,
                QueueTimeoutSeconds = request.QueueTimeoutSeconds ?? Defaults.Execution.QueueTimeoutSeconds,
            },
        };

        // A field that could not be read is reported for what the client sent, not again for what it became.
        var unreadable = found.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        found.AddRange(TaskSpecValidator.Validate(candidate).Where(e => !unreadable.Contains(e.Field)));
        if (!found.Exists(e => e.Field == "executor"))
        {
            found.AddRange(executors.Validate(candidate).Where(e => !unreadable.Contains(e.Field)));
        }

        spec = found.Count == 0 ? candidate : null;
        errors = found;
        return spec is not null;
    }

    private static ScheduleMode Mode(string? text, List<FieldError> errors) => text?.ToLowerInvariant() switch
    {
        null => Defaults.Schedule.Mode,
        "interval" or "intraday" => ScheduleMode.Interval,
        "daily" => ScheduleMode.Daily,
        "cron" => ScheduleMode.Cron,
        "once" => ScheduleMode.Once,
        _ => Invalid(errors, "schedule_mode", $"schedule_mode must be interval, daily, cron or once (intraday is an alias of interval); got '{text}'.", Defaults.Schedule.Mode),
    };

    private static DateTimeOffset? Instant(string field, string? text, List<FieldError> errors) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant) ? instant
        : Invalid<DateTimeOffset?>(errors, field, $"{field} must be an ISO 8601 date-time such as 2026-01-08T10:30:00Z; got '{text}'.", null);

    // valid_time_range wins over time_slot.
    private static DailyWindow? Window(CreateTaskRequest request, List<FieldError> errors)
    {
        var (field, parsed) = request switch
        {
            { ValidTimeRange: { } hours } => ("valid_time_range", DailyWindowParser.FromHourRange(hours)),
            { TimeSlot: { } slot } => ("time_slot", DailyWindowParser.FromTimeSlot(slot.StartTime, slot.EndTime)),
            _ => ("", null),
        };
        if (parsed is null || parsed.Succeeded)
        {
            return parsed?.Window;
        }

        errors.Add(new FieldError(field, parsed.Error));
        return null;
    }

    private static HttpTarget Http(HttpTargetRequest http)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in http.Headers ?? [])
        {
            headers[name] = value;
        }

        return new HttpTarget
        {
            Url = http.Url ?? DefaultHttp.Url,
            Method = http.Method?.ToUpperInvariant() ?? DefaultHttp.Method,
            Headers = headers,
        };
    }

    /// <summary>A shell string runs as <c>sh -c</c>; an array is the program and its arguments.</summary>
    private static AgentTarget Agent(AgentTargetRequest agent) => new()
    {
        Labels = [.. (agent.Labels ?? []).Distinct(StringComparer.Ordinal)],
        Command = agent.Command ?? (agent.Shell is { } shell ? ["sh", "-c", shell] : []),
        Env = new Dictionary<string, string>(agent.Env ?? [], StringComparer.Ordinal),
        WorkingDir = agent.WorkingDir ?? "",
    };

    private static T Invalid<T>(List<FieldError> errors, string field, string message, T fallback)
    {
        errors.Add(new FieldError(field, message));
        return fallback;
    }
}

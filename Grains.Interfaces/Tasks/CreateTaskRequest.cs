namespace Actors.Grains;

/// <summary>
/// A create request as the client sent it: every field as given (null when left out), nothing
/// defaulted, parsed or checked. The grains turn it into a <see cref="TaskSpec"/> or the full list
/// of invalid fields, so one place applies the defaults and reports every problem at once.
/// </summary>
[GenerateSerializer, Immutable, Alias("actors.create-task-request")]
public sealed record CreateTaskRequest
{
    /// <summary>The owning account (one active task per account).</summary>
    [Id(0)] public string? AccountId { get; init; }

    /// <summary>The account's display name; defaults to the account id.</summary>
    [Id(1)] public string? AccountName { get; init; }

    /// <summary>Display name; defaults to the account name and task type.</summary>
    [Id(2)] public string? Name { get; init; }

    /// <summary>Domain label, e.g. <c>xhs_type</c>.</summary>
    [Id(3)] public string? TaskType { get; init; }

    /// <summary>The kind of machine the task must run on.</summary>
    [Id(4)] public string? SysType { get; init; }

    /// <summary><c>high</c>, <c>normal</c> or <c>low</c>.</summary>
    [Id(5)] public string? Priority { get; init; }

    /// <summary>The JSON object given to the executor, as JSON text.</summary>
    [Id(6)] public string? KwargsJson { get; init; }

    /// <summary><c>interval</c> (alias <c>intraday</c>), <c>daily</c>, <c>cron</c> or <c>once</c>.</summary>
    [Id(7)] public string? ScheduleMode { get; init; }

    /// <summary>Seconds between runs (interval mode).</summary>
    [Id(8)] public int? Interval { get; init; }

    /// <summary>A 5- or 6-field cron expression (cron mode).</summary>
    [Id(9)] public string? Cron { get; init; }

    /// <summary>Local times of day (daily mode).</summary>
    [Id(10)] public string[]? At { get; init; }

    /// <summary>The single run time (once mode), as ISO 8601 text.</summary>
    [Id(11)] public string? RunAt { get; init; }

    /// <summary>The daily window as <c>[startHour, endHour]</c>; wins over <see cref="TimeSlot"/>.</summary>
    [Id(12)] public int[]? ValidTimeRange { get; init; }

    /// <summary>The daily window as <c>HH:mm</c> times.</summary>
    [Id(13)] public TimeSlotRequest? TimeSlot { get; init; }

    /// <summary>IANA time zone id of the task.</summary>
    [Id(14)] public string? TimeZone { get; init; }

    /// <summary>The zone the caller's deployment gives tasks that name none (Web API configuration).</summary>
    [Id(15)] public string? DefaultTimeZone { get; init; }

    /// <summary>The first run (interval mode), as ISO 8601 text.</summary>
    [Id(16)] public string? StartTime { get; init; }

    /// <summary>Run once as soon as the task is created.</summary>
    [Id(17)] public bool? RunImmediately { get; init; }

    /// <summary>A date (end of that local day) or a date-time.</summary>
    [Id(18)] public string? TaskEndTime { get; init; }

    /// <summary>How late a missed slot may still run, in seconds.</summary>
    [Id(19)] public int? MisfireGraceSeconds { get; init; }

    /// <summary>The executor plugin (<c>log</c>, <c>http</c>, ...).</summary>
    [Id(20)] public string? Executor { get; init; }

    /// <summary>Webhook settings for the <c>http</c> executor.</summary>
    [Id(21)] public HttpTargetRequest? Http { get; init; }

    /// <summary>Seconds a single attempt may take.</summary>
    [Id(22)] public int? TimeoutSeconds { get; init; }

    /// <summary>Retries after a failed attempt of one round.</summary>
    [Id(23)] public int? MaxRetries { get; init; }

    /// <summary>Base delay of the exponential backoff between retries, in seconds.</summary>
    [Id(24)] public double? RetryBackoffSeconds { get; init; }

    /// <summary><c>skip</c> or <c>queue_one</c>.</summary>
    [Id(25)] public string? Overlap { get; init; }

    /// <summary>Failed rounds in a row before the task goes to error.</summary>
    [Id(26)] public int? MaxConsecutiveFailures { get; init; }

    /// <summary>
    /// What the caller could not read into the fields above (a string where a number belongs, ...),
    /// under the names the client used. They are reported with every other problem.
    /// </summary>
    [Id(27)] public FieldError[] ShapeErrors { get; init; } = [];

    /// <summary>agent: what an agent runs (labels, command, env, working_dir).</summary>
    [Id(28)] public AgentTargetRequest? Agent { get; init; }

    /// <summary>queue_timeout_seconds: how long an agent run waits for an agent.</summary>
    [Id(29)] public int? QueueTimeoutSeconds { get; init; }
}

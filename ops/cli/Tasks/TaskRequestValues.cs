namespace Actors.Cli.Tasks;

/// <summary>
/// What the command line says about a task to create, as typed: null (or empty) where an option was
/// not given. <see cref="CreateTaskBody.Build"/> turns it into the request body; the server checks it.
/// </summary>
public sealed record TaskRequestValues
{
    /// <summary><c>account_id</c>.</summary>
    public string? AccountId { get; init; }

    /// <summary><c>account_name</c>.</summary>
    public string? AccountName { get; init; }

    /// <summary><c>name</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>task_type</c>.</summary>
    public string? TaskType { get; init; }

    /// <summary><c>sys_type</c>.</summary>
    public string? SysType { get; init; }

    /// <summary><c>priority</c>.</summary>
    public string? Priority { get; init; }

    /// <summary><c>interval</c> in seconds (an interval schedule).</summary>
    public int? Interval { get; init; }

    /// <summary>The daily window as <c>HH:mm-HH:mm</c> (<c>time_slot</c>).</summary>
    public string? Window { get; init; }

    /// <summary><c>cron</c> (a cron schedule).</summary>
    public string? Cron { get; init; }

    /// <summary>Local times of day, each <c>HH:mm</c> or several comma-separated (a daily schedule: <c>at</c>).</summary>
    public IReadOnlyList<string> Daily { get; init; } = [];

    /// <summary><c>run_at</c> (a one-off).</summary>
    public string? RunAt { get; init; }

    /// <summary><c>start_time</c>.</summary>
    public string? StartTime { get; init; }

    /// <summary><c>task_end_time</c>.</summary>
    public string? EndTime { get; init; }

    /// <summary><c>time_zone</c>.</summary>
    public string? TimeZone { get; init; }

    /// <summary><c>run_immediately: true</c> when set.</summary>
    public bool RunImmediately { get; init; }

    /// <summary><c>executor</c>.</summary>
    public string? Executor { get; init; }

    /// <summary><c>http.url</c>.</summary>
    public string? Url { get; init; }

    /// <summary><c>http.method</c>.</summary>
    public string? Method { get; init; }

    /// <summary><c>http.headers</c>, each <c>Name: value</c>.</summary>
    public IReadOnlyList<string> Headers { get; init; } = [];

    /// <summary><c>timeout_seconds</c>.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary><c>max_retries</c>.</summary>
    public int? MaxRetries { get; init; }

    /// <summary><c>overlap</c>.</summary>
    public string? Overlap { get; init; }

    /// <summary><c>kwargs</c> as JSON text.</summary>
    public string? Kwargs { get; init; }

    /// <summary>The option <see cref="Kwargs"/> came from, for messages (<c>--kwargs</c>, or <c>--payload</c> for cron jobs).</summary>
    public string KwargsOption { get; init; } = "--kwargs";
}

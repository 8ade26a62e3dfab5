using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Actors.Grains;

namespace Actors.WebApi.Contracts;

/// <summary>
/// The body of <c>POST /api/v1/tasks</c> (seed 001), for the OpenAPI document. The request is read by
/// <see cref="TaskRequestReader"/>, which reports every invalid field at once; its known fields are this
/// record's properties (a test keeps them equal), and any other field (<c>user_*</c>) goes into kwargs.
/// </summary>
public sealed record CreateTaskBody : ScheduleBody
{
    /// <summary>The task's name.</summary>
    public string? Name { get; init; }

    /// <summary>The account (one active task per account). Required, here or as xhs_account_id.</summary>
    public string? AccountId { get; init; }

    /// <summary>The seed's name for account_id.</summary>
    public string? XhsAccountId { get; init; }

    /// <summary>The account's display name.</summary>
    public string? AccountName { get; init; }

    /// <summary>The seed's name for account_name.</summary>
    public string? XhsAccountName { get; init; }

    /// <summary>The task type (default xhs_type).</summary>
    public string? TaskType { get; init; }

    /// <summary>The system type.</summary>
    public string? SysType { get; init; }

    /// <summary>The priority (default normal).</summary>
    public TaskPriority? Priority { get; init; }

    /// <summary>The executor: log (default), http, agent, ...; see /api/v1/plugins.</summary>
    public string? Executor { get; init; }

    /// <summary>Free arguments handed to the executor.</summary>
    public JsonObject? Kwargs { get; init; }

    /// <summary>The http executor's target.</summary>
    public HttpTargetBody? Http { get; init; }

    /// <summary>A run's time limit (default 300).</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>Retries of a failed run (default 3).</summary>
    public int? MaxRetries { get; init; }

    /// <summary>Seconds before the first retry, doubling after (default 2).</summary>
    public double? RetryBackoffSeconds { get; init; }

    /// <summary>Failed rounds in a row before the task stops with status error (default 5).</summary>
    public int? MaxConsecutiveFailures { get; init; }

    /// <summary>The agent executor's target.</summary>
    public AgentTargetBody? Agent { get; init; }

    /// <summary>How long an agent run waits for an agent (default 300).</summary>
    public int? QueueTimeoutSeconds { get; init; }

    /// <summary>Any other field (<c>user_*</c> and the like) goes into kwargs.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>A daily window as <c>HH:mm</c> times; an end before the start spans midnight.</summary>
/// <param name="StartTime">The window opens, e.g. 08:00.</param>
/// <param name="EndTime">The window closes, e.g. 22:30 (24:00 is midnight).</param>
public sealed record TimeSlotBody(string? StartTime = null, string? EndTime = null);

/// <summary>The http executor's target.</summary>
/// <param name="Url">The URL to call.</param>
/// <param name="Method">The HTTP method (default POST).</param>
/// <param name="Headers">Request headers.</param>
public sealed record HttpTargetBody(string? Url = null, string? Method = null, Dictionary<string, string>? Headers = null);

/// <summary>The agent executor's target.</summary>
/// <param name="Labels">Labels an agent must have.</param>
/// <param name="Command">Program and arguments as an array of strings, or one shell string.</param>
/// <param name="Env">Environment variables for the run.</param>
/// <param name="WorkingDir">The working directory.</param>
public sealed record AgentTargetBody(string[]? Labels = null, JsonElement? Command = null, Dictionary<string, string>? Env = null, string? WorkingDir = null);

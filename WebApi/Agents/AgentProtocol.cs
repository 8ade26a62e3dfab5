using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Grains;

namespace Actors.WebApi.Agents;

/// <summary>
/// The agent protocol's JSON (PROTOCOL.md beside this file): reads what an agent sends, with a clear
/// error for a malformed message, and writes what the server sends. Shapes only; what a registration
/// may say is the agent hub's rule.
/// </summary>
public static class AgentProtocol
{
    /// <summary>Close code: a malformed message or a refused registration (the agent was told why first).</summary>
    public const int BadMessage = 4400;

    /// <summary>Close code: another connection of the same agent took over.</summary>
    public const int Replaced = 4409;

    /// <summary>Close code: no register message in time.</summary>
    public const int NoRegistration = 4408;

    /// <summary>Reads one message, or says what is wrong with it.</summary>
    public static (AgentInbound? Message, string? Error) Read(string text)
    {
        JsonObject message;
        try
        {
            message = JsonNode.Parse(text) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException ex)
        {
            return (null, $"Every message is a JSON object with a \"type\"; this one could not be read: {ex.Message}");
        }

        try
        {
            var type = message["type"]?.GetValue<string>() ?? throw new FormatException("\"type\" is missing");
            return type switch
            {
                "register" => (new AgentInbound(type) { Registration = Registration(message) }, null),
                "heartbeat" => (new AgentInbound(type), null),
                "accept" => (new AgentInbound(type) { Lease = Lease(message) }, null),
                "decline" => (new AgentInbound(type) { Lease = Lease(message), Text = Optional(message, "reason") ?? "declined" }, null),
                "log" => (new AgentInbound(type) { Lease = Lease(message), Text = Required(message, "text") }, null),
                "result" => (new AgentInbound(type) { Result = Result(message) }, null),
                _ => (null, $"Unknown message type '{type}'; an agent sends register, heartbeat, accept, decline, log or result."),
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or JsonException)
        {
            return (null, $"Malformed message: {ex.Message}.");
        }
    }

    /// <summary>The answer to a registration.</summary>
    public static JsonObject Registered(AgentSession session) => new()
    {
        ["type"] = "registered",
        ["epoch"] = session.Epoch,
        ["heartbeat_seconds"] = session.HeartbeatSeconds,
        ["lease_grace_seconds"] = session.LeaseGraceSeconds,
    };

    /// <summary>An error the agent is told before its connection closes.</summary>
    public static JsonObject Error(string message, IEnumerable<FieldError>? errors = null) => new()
    {
        ["type"] = "error",
        ["message"] = message,
        ["errors"] = new JsonArray([.. (errors ?? []).Select(e => (JsonNode)new JsonObject { ["field"] = e.Field, ["message"] = e.Message })]),
    };

    /// <summary>The answer to an accept or a result.</summary>
    public static JsonObject Ack(string of, AgentLease lease, AgentReply reply) => new()
    {
        ["type"] = "ack",
        ["of"] = of,
        ["run_id"] = lease.RunId,
        ["attempt"] = lease.Attempt,
        ["token"] = lease.Token,
        ["verdict"] = Contracts.WireJson.Name(reply.Verdict),
        ["outcome"] = reply.Outcome is { } outcome ? Contracts.WireJson.Name(outcome) : null,
        ["reason"] = reply.Reason,
    };

    /// <summary>A message of the hub for the agent.</summary>
    public static JsonObject Outbound(AgentMessage message) => message.Kind switch
    {
        AgentMessageKind.Offer => new JsonObject
        {
            ["type"] = "offer",
            ["run_id"] = message.Lease!.RunId,
            ["attempt"] = message.Lease.Attempt,
            ["token"] = message.Lease.Token,
            ["task_id"] = message.Work!.TaskId.ToString(),
            ["round"] = message.Work.Round,
            ["task_type"] = message.Work.TaskType,
            ["priority"] = Contracts.WireJson.Name(message.Work.Priority),
            ["command"] = new JsonArray([.. message.Work.Command.Select(c => JsonValue.Create(c))]),
            ["env"] = new JsonObject([.. message.Work.Env.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(e.Value)))]),
            ["working_dir"] = message.Work.WorkingDir.Length > 0 ? message.Work.WorkingDir : null,
            ["payload"] = JsonNode.Parse(message.Work.PayloadJson),
            ["timeout_seconds"] = message.Work.TimeoutSeconds,
        },
        AgentMessageKind.Cancel => new JsonObject
        {
            ["type"] = "cancel",
            ["run_id"] = message.Lease!.RunId,
            ["attempt"] = message.Lease.Attempt,
            ["token"] = message.Lease.Token,
            ["reason"] = message.Reason,
        },
        AgentMessageKind.Drain => new JsonObject { ["type"] = "drain" },
        _ => new JsonObject { ["type"] = "shutdown" },
    };

    private static AgentRegistration Registration(JsonObject m) => new()
    {
        Name = Required(m, "name"),
        Labels = Strings(m, "labels"),
        TaskTypes = Strings(m, "task_types"),
        MaxConcurrent = m["max_concurrent"] is { } max ? max.GetValue<int>() : 1,
        Version = Optional(m, "version") ?? "",
        Running = m["running"] is JsonArray running ? [.. running.Select(r => Lease(r as JsonObject ?? throw new FormatException("each of \"running\" is an object {run_id, attempt, token}")))] : [],
    };

    private static AgentLease Lease(JsonObject m) =>
        new(Required(m, "run_id"), m["attempt"]?.GetValue<int>() ?? throw new FormatException("\"attempt\" is missing"), Required(m, "token"));

    private static AgentRunResult Result(JsonObject m) => new()
    {
        Lease = Lease(m),
        ExitCode = m["exit_code"]?.GetValue<int>(),
        Output = Optional(m, "output"),
        Result = Optional(m, "result"),
        DurationMs = m["duration_ms"]?.GetValue<long>() ?? 0,
        TimedOut = m["timed_out"]?.GetValue<bool>() ?? false,
        Error = Optional(m, "error"),
    };

    private static string Required(JsonObject m, string name) =>
        Optional(m, name) is { Length: > 0 } value ? value : throw new FormatException($"\"{name}\" is missing or empty");

    private static string? Optional(JsonObject m, string name) => m[name]?.GetValue<string>();

    private static string[] Strings(JsonObject m, string name) => m[name] switch
    {
        null => [],
        JsonArray array => [.. array.Select(e => e?.GetValue<string>() ?? throw new FormatException($"\"{name}\" holds a null"))],
        _ => throw new FormatException($"\"{name}\" must be an array of strings"),
    };
}

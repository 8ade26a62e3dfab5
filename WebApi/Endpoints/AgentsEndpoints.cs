using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Grains;
using Actors.WebApi.Contracts;
using Actors.WebApi.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.WebApi.Endpoints;

/// <summary><c>/api/v1/agents</c> (list, one, drain, forget) and <c>/api/v1/dispatch</c> (a one-off run on an agent).</summary>
public static class AgentsEndpoints
{
    /// <summary>The dispatch body's names for the fields of the task it becomes.</summary>
    private static readonly Dictionary<string, string> DispatchNames = new(StringComparer.Ordinal)
    {
        ["agent.command"] = "command", ["agent.labels"] = "labels", ["kwargs"] = "payload", ["agent"] = "command",
    };

    /// <summary>Dispatch body fields copied to the task as they are.</summary>
    private static readonly string[] TaskFields = ["task_type", "priority", "sys_type", "timeout_seconds", "queue_timeout_seconds", "max_retries", "name"];

    /// <summary>Dispatch body fields that become the agent target and kwargs.</summary>
    private static readonly string[] AgentFields = ["labels", "command", "env", "working_dir", "payload"];

    /// <summary>Every field the dispatch body knows; <see cref="DispatchBody"/> describes them.</summary>
    internal static IReadOnlySet<string> DispatchFields { get; } = new HashSet<string>([.. TaskFields, .. AgentFields], StringComparer.Ordinal);

    /// <summary>Maps the endpoints.</summary>
    public static void MapAgents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/agents").WithTags("Agents");
        group.MapGet("/", ListAsync).WithName("ListAgents").WithSummary("Known agents (online=true: connected ones only).");
        group.MapGet("/{name}", GetAsync).WithName("GetAgent").WithSummary("An agent: labels, task types, capacity, runs in flight, last heartbeat, connected since, version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{name}/drain", DrainAsync).WithName("DrainAgent").WithSummary("Offer the agent no new runs; what it runs finishes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{name}/shutdown", ShutdownAsync).WithName("ShutdownAgent").WithSummary("Tell a connected agent to finish its runs and exit (it takes no new ones).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{name}", ForgetAsync).WithName("ForgetAgent").WithSummary("Forget an offline agent.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapPost("/api/v1/dispatch", DispatchAsync).WithTags("Agents").WithName("Dispatch")
            .WithSummary("A one-off run on an agent: task_type, payload, labels, command, priority; answered with its run id, readable like any run.")
            .Accepts<DispatchBody>("application/json").ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Lists agents.</summary>
    public static async Task<Ok<AgentListView>> ListAsync(IGrainFactory grains, bool online = false)
    {
        var agents = (await grains.GetAgentHubGrain().ListAsync()).Where(a => !online || a.Online).ToList();
        return TypedResults.Ok(new AgentListView(agents.Count, [.. agents.Select(View)]));
    }

    /// <summary>One agent.</summary>
    public static async Task<Results<Ok<AgentView>, ProblemHttpResult>> GetAsync(IGrainFactory grains, string name)
    {
        var agent = (await grains.GetAgentHubGrain().ListAsync()).FirstOrDefault(a => a.Name == name);
        return agent is null ? AgentNotFound(name) : TypedResults.Ok(View(agent));
    }

    /// <summary>Drains an agent.</summary>
    public static async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> DrainAsync(IGrainFactory grains, string name) =>
        await grains.GetAgentHubGrain().DrainAsync(name)
            ? TypedResults.Ok(new MessageResponse(true, $"Agent '{name}' is draining: no new runs are offered to it."))
            : AgentNotFound(name);

    /// <summary>Tells an agent to finish and exit.</summary>
    public static async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> ShutdownAsync(IGrainFactory grains, string name) =>
        await grains.GetAgentHubGrain().ShutdownAsync(name) switch
        {
            null => AgentNotFound(name),
            false => Problems.Of(StatusCodes.Status409Conflict, "Conflict", $"Agent '{name}' is not connected; there is nothing to tell it."),
            true => TypedResults.Ok(new MessageResponse(true, $"Agent '{name}' is told to finish its runs and exit; it takes no new runs.")),
        };

    /// <summary>Forgets an offline agent.</summary>
    public static async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> ForgetAsync(IGrainFactory grains, string name) =>
        await grains.GetAgentHubGrain().ForgetAsync(name) switch
        {
            null => AgentNotFound(name),
            false => Problems.Of(StatusCodes.Status409Conflict, "Conflict", $"Agent '{name}' is online; only an offline agent can be forgotten (drain it and stop it first)."),
            true => TypedResults.Ok(new MessageResponse(true, $"Agent '{name}' is forgotten.")),
        };

    /// <summary>A one-off run on an agent: a task that runs once, now, on its own account.</summary>
    public static async Task<Results<Ok<DispatchResponse>, ProblemHttpResult>> DispatchAsync(HttpRequest request, IGrainFactory grains, ApiSettings settings)
    {
        var (body, malformed) = await JsonBody.ReadAsync(request);
        if (malformed is not null)
        {
            return malformed;
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return Problems.Invalid([new FieldError("body", "The request body must be a JSON object: {\"task_type\": ..., \"command\": ..., \"labels\": [...], \"payload\": {...}}.")]);
        }

        // The dispatch body in the create request's words; the grains validate it like any task.
        var task = new JsonObject
        {
            ["account_id"] = $"dispatch-{Guid.NewGuid():N}",
            ["schedule_mode"] = "once",
            ["run_at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["executor"] = "agent",
            ["agent"] = new JsonObject { ["labels"] = Copy(body, "labels"), ["command"] = Copy(body, "command"), ["env"] = Copy(body, "env"), ["working_dir"] = Copy(body, "working_dir") },
            ["kwargs"] = Copy(body, "payload") ?? new JsonObject(),
        };
        foreach (var name in TaskFields)
        {
            if (Copy(body, name) is { } value)
            {
                task[name] = value;
            }
        }

        var reader = new TaskRequestReader(JsonSerializer.SerializeToElement(task), settings.DefaultTimeZone);
        var create = reader.Read();
        var result = await grains.GetAccountGrain(create.AccountId!).CreateTaskAsync(create);
        if (!result.Succeeded)
        {
            return result.Outcome == CommandOutcome.Invalid
                ? Problems.Invalid(result.Errors.Select(e => e with { Field = DispatchNames.GetValueOrDefault(e.Field, e.Field) }))
                : Problems.From(result, Guid.Empty);
        }

        var taskId = result.Task!.TaskId;
        return TypedResults.Ok(new DispatchResponse(true, $"{taskId}:1", taskId, "Dispatched: the run waits for a matching agent; read it at /api/v1/runs?task_id=" + taskId));
    }

    private static JsonNode? Copy(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? JsonNode.Parse(value.GetRawText()) : null;

    private static ProblemHttpResult AgentNotFound(string name) =>
        Problems.Of(StatusCodes.Status404NotFound, "Agent not found", $"agent not found: {name}");

    private static AgentView View(AgentInfo agent) => new(
        agent.Name, agent.Online, agent.Draining, agent.Labels, agent.TaskTypes, agent.MaxConcurrent, agent.RunsInFlight, agent.RunsWaiting,
        WireJson.Time(agent.LastHeartbeat), WireJson.Time(agent.ConnectedSince), agent.Version);
}

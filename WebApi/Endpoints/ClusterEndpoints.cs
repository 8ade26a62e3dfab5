using System.Text.Json.Nodes;
using Actors.Grains;
using Actors.WebApi.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Runtime;

namespace Actors.WebApi.Endpoints;

/// <summary>Dispatcher, accounts, plugins and status.</summary>
public static class ClusterEndpoints
{
    private static readonly DateTimeOffset StartedAt = DateTimeOffset.UtcNow;

    /// <summary>Maps the endpoints.</summary>
    public static void MapCluster(this IEndpointRouteBuilder app)
    {
        var dispatcher = app.MapGroup("/api/v1/dispatcher").WithTags("Dispatcher");
        dispatcher.MapGet("/status", DispatcherStatusAsync).WithName("DispatcherStatus").WithSummary("Whether runs may start, and the task count per status.");
        dispatcher.MapPost("/start", StartAsync).WithName("StartDispatcher").WithSummary("Let runs start; each task that came due meanwhile runs once.");
        dispatcher.MapPost("/stop", StopAsync).WithName("StopDispatcher").WithSummary("Stop new runs everywhere; runs in flight finish.");
        app.MapGet("/api/v1/accounts/{accountId}/tasks", AccountTasksAsync).WithTags("Accounts").WithName("AccountTasks").WithSummary("An account's tasks (its active one and finished ones).");
        var plugins = app.MapGroup("/api/v1/plugins").WithTags("Plugins");
        plugins.MapGet("/", PluginsAsync).WithName("ListPlugins").WithSummary("Executors and schedule kinds, with their options.");
        plugins.MapGet("/{pluginType}", PluginsOfTypeAsync).WithName("PluginsByType").WithSummary("Plugins of one type (executor or schedule), or one plugin by name.");
        app.MapGet("/api/v1/status", StatusAsync).WithTags("Status").WithName("Status").WithSummary("Service, version, uptime, storage mode and silos.");
    }

    /// <summary>Dispatcher status.</summary>
    public static async Task<Ok<JsonObject>> DispatcherStatusAsync(IGrainFactory grains) => TypedResults.Ok(Dispatcher(await grains.GetDispatcherGrain().GetStatusAsync()));

    /// <summary>Starts the dispatcher.</summary>
    public static async Task<Ok<JsonObject>> StartAsync(IGrainFactory grains) =>
        TypedResults.Ok(Switched(await grains.GetDispatcherGrain().StartAsync(), "Dispatcher started."));

    /// <summary>Stops the dispatcher.</summary>
    public static async Task<Ok<JsonObject>> StopAsync(IGrainFactory grains) =>
        TypedResults.Ok(Switched(await grains.GetDispatcherGrain().StopAsync(), "Dispatcher stopped."));

    /// <summary>An account's tasks.</summary>
    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> AccountTasksAsync(string accountId, IGrainFactory grains, int limit = 100, int offset = 0)
    {
        if (limit is < 1 or > TaskQuery.MaxLimit || offset < 0)
        {
            return Problems.Invalid([new FieldError(offset < 0 ? "offset" : "limit", $"limit must be 1-{TaskQuery.MaxLimit} and offset 0 or more; got limit {limit}, offset {offset}.")]);
        }

        var page = await grains.GetTaskQueryGrain().ListAsync(new TaskQuery { AccountId = accountId, Limit = limit, Offset = offset });
        return TypedResults.Ok(new JsonObject
        {
            ["account_id"] = accountId,
            ["total"] = page.Total,
            ["tasks"] = new JsonArray([.. page.Tasks.Select(t => (JsonNode)TaskJson.From(t))]),
        });
    }

    /// <summary>Every plugin.</summary>
    public static async Task<Ok<JsonObject>> PluginsAsync(IGrainFactory grains) => TypedResults.Ok(Plugins(await grains.GetPluginGrain().ListAsync()));

    /// <summary>Plugins of a type, or one by name.</summary>
    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> PluginsOfTypeAsync(string pluginType, IGrainFactory grains)
    {
        var all = await grains.GetPluginGrain().ListAsync();
        var matching = all.Where(p => string.Equals(p.PluginType, pluginType, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.Name, pluginType, StringComparison.OrdinalIgnoreCase)).ToArray();
        return matching.Length > 0
            ? TypedResults.Ok(Plugins(matching))
            : Problems.Of(StatusCodes.Status404NotFound, "Plugin not found",
                $"No plugin type or name '{pluginType}': use executor, schedule, or one of {string.Join(", ", all.Select(p => p.Name))}.");
    }

    /// <summary>Service status and silos.</summary>
    public static async Task<Ok<JsonObject>> StatusAsync(IGrainFactory grains, IConfiguration configuration)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        var agents = await grains.GetAgentHubGrain().CountsAsync();
        var metrics = (await grains.GetGrain<IClusterStatsGrain>(0).GetAsync()).ToDictionary(s => s.Address, s => s.MetricsUrl, StringComparer.Ordinal);
        return TypedResults.Ok(new JsonObject
        {
            ["status"] = "operational",
            ["service"] = "actors",
            ["version"] = HealthEndpoints.Version,
            ["started_at"] = TaskJson.Time(StartedAt),
            ["uptime_seconds"] = Math.Round((DateTimeOffset.UtcNow - StartedAt).TotalSeconds),
            ["storage_mode"] = string.IsNullOrEmpty(configuration["Actors:GatewayEndpoints:0"]) ? "postgresql" : "static-gateways",
            ["silos"] = new JsonArray([.. hosts.OrderBy(h => h.Status == SiloStatus.Active ? 0 : 1).ThenByDescending(h => h.StartTime).Select(h => (JsonNode)new JsonObject
            {
                ["name"] = h.SiloName,
                ["address"] = h.SiloAddress.ToParsableString(),
                ["status"] = h.Status.ToString().ToLowerInvariant(),
                ["host_name"] = h.HostName,
                ["started_at"] = TaskJson.Time(h.StartTime),
                ["metrics_url"] = metrics.GetValueOrDefault(h.SiloAddress.ToParsableString()),
            })]),
            ["agents"] = new JsonObject
            {
                ["online"] = agents.Online,
                ["offline"] = agents.Offline,
                ["draining"] = agents.Draining,
                ["runs_waiting"] = agents.Waiting,
                ["runs_on_agents"] = agents.Running,
            },
        });
    }

    private static JsonObject Dispatcher(DispatcherStatus status)
    {
        var running = status.CurrentRunningTasks.Select(t => (JsonNode)new JsonObject
        {
            ["task_id"] = t.TaskId.ToString(),
            ["account_id"] = t.AccountId,
            ["started_at"] = TaskJson.Time(t.StartedAt),
        }).ToArray();
        return new JsonObject
        {
            ["is_running"] = status.IsRunning,
            ["total_tasks"] = status.Counts.Total,
            ["pending_tasks"] = status.Counts.Pending,
            ["running_tasks"] = status.Counts.Running,
            ["paused_tasks"] = status.Counts.Paused,
            ["completed_tasks"] = status.Counts.Completed,
            ["error_tasks"] = status.Counts.Error,
            ["current_running_task"] = running.FirstOrDefault()?.DeepClone(),
            ["current_running_tasks"] = new JsonArray(running),
            ["changed_at"] = TaskJson.Time(status.ChangedAt),
        };
    }

    private static JsonObject Switched(DispatcherStatus status, string message)
    {
        var body = Dispatcher(status);
        body["success"] = true;
        body["message"] = message;
        return body;
    }

    private static JsonObject Plugins(PluginDescriptor[] plugins) => new()
    {
        ["total"] = plugins.Length,
        ["plugins"] = new JsonArray([.. plugins.Select(p => (JsonNode)new JsonObject
        {
            ["name"] = p.Name,
            ["plugin_type"] = p.PluginType,
            ["description"] = p.Description,
            ["options"] = new JsonArray([.. p.Options.Select(o => (JsonNode)new JsonObject
            {
                ["name"] = o.Name,
                ["type"] = o.Type,
                ["required"] = o.Required,
                ["default"] = o.Default,
                ["description"] = o.Description,
            })]),
        })]),
    };
}

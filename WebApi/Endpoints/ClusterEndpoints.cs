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
        app.MapGet("/api/v1/accounts/{accountId}/tasks", AccountTasksAsync).WithTags("Accounts").WithName("AccountTasks").WithSummary("An account's tasks (its active one and finished ones).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        var plugins = app.MapGroup("/api/v1/plugins").WithTags("Plugins");
        plugins.MapGet("/", PluginsAsync).WithName("ListPlugins").WithSummary("Executors and schedule kinds, with their options.");
        plugins.MapGet("/{pluginType}", PluginsOfTypeAsync).WithName("PluginsByType").WithSummary("Plugins of one type (executor or schedule), or one plugin by name.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/v1/status", StatusAsync).WithTags("Status").WithName("Status").WithSummary("Service, version, uptime, storage mode and silos.");
    }

    /// <summary>Dispatcher status.</summary>
    public static async Task<Ok<DispatcherView>> DispatcherStatusAsync(IGrainFactory grains) => TypedResults.Ok(Dispatcher(await grains.GetDispatcherGrain().GetStatusAsync()));

    /// <summary>Starts the dispatcher.</summary>
    public static async Task<Ok<DispatcherSwitchedResponse>> StartAsync(IGrainFactory grains) =>
        TypedResults.Ok(Switched(await grains.GetDispatcherGrain().StartAsync(), "Dispatcher started."));

    /// <summary>Stops the dispatcher.</summary>
    public static async Task<Ok<DispatcherSwitchedResponse>> StopAsync(IGrainFactory grains) =>
        TypedResults.Ok(Switched(await grains.GetDispatcherGrain().StopAsync(), "Dispatcher stopped."));

    /// <summary>An account's tasks.</summary>
    public static async Task<Results<Ok<AccountTasksView>, ProblemHttpResult>> AccountTasksAsync(string accountId, IGrainFactory grains, int limit = 100, int offset = 0)
    {
        if (limit is < 1 or > TaskQuery.MaxLimit || offset < 0)
        {
            return Problems.Invalid([new FieldError(offset < 0 ? "offset" : "limit", $"limit must be 1-{TaskQuery.MaxLimit} and offset 0 or more; got limit {limit}, offset {offset}.")]);
        }

        var page = await grains.GetTaskQueryGrain().ListAsync(new TaskQuery { AccountId = accountId, Limit = limit, Offset = offset });
        return TypedResults.Ok(new AccountTasksView(accountId, page.Total, [.. page.Tasks.Select(t => t.ToView())]));
    }

    /// <summary>Every plugin.</summary>
    public static async Task<Ok<PluginListView>> PluginsAsync(IGrainFactory grains) => TypedResults.Ok(Plugins(await grains.GetPluginGrain().ListAsync()));

    /// <summary>Plugins of a type, or one by name.</summary>
    public static async Task<Results<Ok<PluginListView>, ProblemHttpResult>> PluginsOfTypeAsync(string pluginType, IGrainFactory grains)
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
    public static async Task<Ok<ServiceStatusView>> StatusAsync(IGrainFactory grains, IConfiguration configuration)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        var agents = await grains.GetAgentHubGrain().CountsAsync();
        var metrics = (await grains.GetGrain<IClusterStatsGrain>(0).GetAsync()).ToDictionary(s => s.Address, s => s.MetricsUrl, StringComparer.Ordinal);
        var silos = hosts.OrderBy(h => h.Status == SiloStatus.Active ? 0 : 1).ThenByDescending(h => h.StartTime).Select(h => new ClusterSiloView(
            h.SiloName, h.SiloAddress.ToParsableString(), SiloStatusName(h.Status), h.HostName, WireJson.Time(h.StartTime),
            metrics.GetValueOrDefault(h.SiloAddress.ToParsableString())));
        return TypedResults.Ok(new ServiceStatusView(
            "operational", "actors", HealthEndpoints.Version, WireJson.Time(StartedAt), Math.Round((DateTimeOffset.UtcNow - StartedAt).TotalSeconds),
            string.IsNullOrEmpty(configuration["Actors:GatewayEndpoints:0"]) ? "postgresql" : "static-gateways", [.. silos],
            new AgentCountsView(agents.Online, agents.Offline, agents.Draining, agents.Waiting, agents.Running)));
    }

    /// <summary>
    /// Orleans' silo status as the seed wrote it: the member name in lower case (<c>shuttingdown</c>, not
    /// snake case), so it is not an enum of ours and not left to the enum converter.
    /// </summary>
    private static string SiloStatusName(SiloStatus status) => status.ToString().ToLowerInvariant();

    private static DispatcherView Dispatcher(DispatcherStatus status)
    {
        var running = status.CurrentRunningTasks.Select(t => new RunningTaskView(t.TaskId, t.AccountId, WireJson.Time(t.StartedAt))).ToArray();
        var counts = status.Counts;
        return new DispatcherView(status.IsRunning, counts.Total, counts.Pending, counts.Running, counts.Paused, counts.Completed, counts.Error,
            running.FirstOrDefault(), running, WireJson.Time(status.ChangedAt));
    }

    private static DispatcherSwitchedResponse Switched(DispatcherStatus status, string message) => new(Dispatcher(status), message);

    private static PluginListView Plugins(PluginDescriptor[] plugins) => new(plugins.Length, [.. plugins.Select(p => new PluginView(
        p.Name, p.PluginType, p.Description, [.. p.Options.Select(o => new PluginOptionView(o.Name, o.Type, o.Required, o.Default, o.Description))]))]);
}

using System.Text.Json.Serialization;

namespace Actors.WebApi.Contracts;

/// <summary>Whether runs may start, and the task count per status.</summary>
/// <param name="IsRunning">True while runs may start.</param>
/// <param name="TotalTasks">Every task.</param>
/// <param name="PendingTasks">Tasks waiting for their next run.</param>
/// <param name="RunningTasks">Tasks running now.</param>
/// <param name="PausedTasks">Paused tasks.</param>
/// <param name="CompletedTasks">Finished tasks.</param>
/// <param name="ErrorTasks">Tasks stopped by failures.</param>
/// <param name="CurrentRunningTask">The first running task.</param>
/// <param name="CurrentRunningTasks">Every running task.</param>
/// <param name="ChangedAt">When the dispatcher was last started or stopped.</param>
public record DispatcherView(
    bool IsRunning, long TotalTasks, long PendingTasks, long RunningTasks, long PausedTasks, long CompletedTasks, long ErrorTasks,
    RunningTaskView? CurrentRunningTask, RunningTaskView[] CurrentRunningTasks, string? ChangedAt);

/// <summary>The answer to starting or stopping the dispatcher: its status, then what happened.</summary>
public sealed record DispatcherSwitchedResponse : DispatcherView
{
    /// <summary>The status with what happened.</summary>
    public DispatcherSwitchedResponse(DispatcherView status, string message)
        : base(status) => Message = message;

    /// <summary>Always true.</summary>
    [JsonPropertyOrder(1)]
    public bool Success { get; } = true;

    /// <summary>What happened.</summary>
    [JsonPropertyOrder(2)]
    public string Message { get; }
}

/// <summary>A task running now.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="AccountId">Its account.</param>
/// <param name="StartedAt">When its run started.</param>
public sealed record RunningTaskView(Guid TaskId, string AccountId, string? StartedAt);

/// <summary>Plugins with their options.</summary>
/// <param name="Total">How many.</param>
/// <param name="Plugins">The plugins.</param>
public sealed record PluginListView(int Total, PluginView[] Plugins);

/// <summary>An executor or schedule kind.</summary>
/// <param name="Name">Its name.</param>
/// <param name="PluginType">executor or schedule.</param>
/// <param name="Description">What it does.</param>
/// <param name="Options">The request fields it reads.</param>
public sealed record PluginView(string Name, string PluginType, string Description, PluginOptionView[] Options);

/// <summary>A request field a plugin reads.</summary>
/// <param name="Name">The field.</param>
/// <param name="Type">Its JSON type.</param>
/// <param name="Required">Whether it must be given.</param>
/// <param name="Default">What a missing one means.</param>
/// <param name="Description">What it does.</param>
public sealed record PluginOptionView(string Name, string Type, bool Required, string? Default, string Description);

/// <summary>Service status and silos.</summary>
/// <param name="Status">Always operational (the health endpoints judge health).</param>
/// <param name="Service">Always actors.</param>
/// <param name="Version">The service version.</param>
/// <param name="StartedAt">When this Web API started.</param>
/// <param name="UptimeSeconds">Seconds since then.</param>
/// <param name="StorageMode">postgresql, or static-gateways.</param>
/// <param name="Silos">The silos, active ones first.</param>
/// <param name="Agents">Agent counts.</param>
public sealed record ServiceStatusView(
    string Status, string Service, string Version, string StartedAt, double UptimeSeconds, string StorageMode, ClusterSiloView[] Silos, AgentCountsView Agents);

/// <summary>A silo of the cluster.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Address">Its address.</param>
/// <param name="Status">Orleans' silo status in lower case: active, joining, shuttingdown, stopping, dead, ...</param>
/// <param name="HostName">Its host.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="MetricsUrl">Its Prometheus endpoint, if any.</param>
public sealed record ClusterSiloView(string Name, string Address, string Status, string HostName, string StartedAt, string? MetricsUrl);

/// <summary>Agents and their runs.</summary>
/// <param name="Online">Connected agents.</param>
/// <param name="Offline">Known agents not connected.</param>
/// <param name="Draining">Agents offered no new runs.</param>
/// <param name="RunsWaiting">Runs waiting for an agent.</param>
/// <param name="RunsOnAgents">Runs on agents now.</param>
public sealed record AgentCountsView(int Online, int Offline, int Draining, int RunsWaiting, int RunsOnAgents);

/// <summary>Per-silo resource statistics.</summary>
/// <param name="Silos">Each silo.</param>
/// <param name="RunsPerSecond">Runs per second, cluster-wide (2 decimals).</param>
/// <param name="Activations">Grain activations, cluster-wide.</param>
public sealed record StatsView(SiloStatsView[] Silos, double RunsPerSecond, int Activations);

/// <summary>One silo's resource statistics.</summary>
/// <param name="Silo">Its name.</param>
/// <param name="Address">Its address.</param>
/// <param name="CpuPercent">CPU use, if known.</param>
/// <param name="MemoryBytes">Memory use, if known.</param>
/// <param name="Activations">Grain activations.</param>
/// <param name="RunsPerSecond">Runs per second.</param>
public sealed record SiloStatsView(string Silo, string Address, double? CpuPercent, long? MemoryBytes, int Activations, double RunsPerSecond);

namespace Actors.Silo.Configuration;

/// <summary>The silo's settings (section <c>Actors</c>; environment variables <c>Actors__Postgres</c>, <c>Actors__Silo__SiloPort</c>, ...).</summary>
public sealed class SiloSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Actors";

    /// <summary>PostgreSQL connection string (membership, grain state, reminders, catalog).</summary>
    public string Postgres { get; set; } = "";

    /// <summary>Orleans ClusterId: silos and clients with the same one form a cluster.</summary>
    public string ClusterId { get; set; } = "actors";

    /// <summary>Orleans ServiceId: keys stored state and reminders; keep it stable across deployments.</summary>
    public string ServiceId { get; set; } = "actors";

    /// <summary>Apply the schema at start (idempotent, under an advisory lock).</summary>
    public bool ApplySchema { get; set; } = true;

    /// <summary>Silo endpoints.</summary>
    public SiloEndpointSettings Silo { get; set; } = new();

    /// <summary>Scheduling knobs.</summary>
    public SchedulingSettings Scheduling { get; set; } = new();

    /// <summary>Run history retention.</summary>
    public HistorySettings History { get; set; } = new();

    /// <summary>Agent timings.</summary>
    public AgentSettings Agents { get; set; } = new();

    /// <summary>Section <c>Actors:Metrics</c>.</summary>
    public MetricsSettings Metrics { get; set; } = new();
}

using Actors.Grains.Execution;

namespace Actors.Grains.Plugins;

/// <summary>The plugins a silo offers: its executors and the schedule kinds.</summary>
public static class PluginCatalog
{
    private static readonly PluginOption Window = new("valid_time_range | time_slot", "[startHour, endHour] | {start_time, end_time}", false, null, "Daily window runs must start in (local time; may wrap midnight).");
    private static readonly PluginOption Zone = new("time_zone", "IANA time zone", false, "UTC", "Zone of the window, daily times, cron and date-only end times.");
    private static readonly PluginOption End = new("task_end_time", "date or date-time", false, null, "After it the task completes; a date means the end of that local day.");
    private static readonly PluginOption Grace = new("misfire_grace_seconds", "integer", false, "one interval, at most 3600", "How late a missed slot may still run once.");

    /// <summary>The schedule kinds.</summary>
    public static IReadOnlyList<PluginDescriptor> Schedules { get; } =
    [
        Schedule("interval", "Every N seconds, fixed rate (slots anchored to the previous scheduled time). Alias: intraday.",
            new PluginOption("interval", "integer seconds", false, "3600", "Seconds between runs."),
            new PluginOption("start_time", "date-time", false, "one interval after creation", "The first run."),
            new PluginOption("run_immediately", "boolean", false, "false", "Run once right away.")),
        Schedule("daily", "At fixed local times of day.", new PluginOption("at", "array of HH:mm", true, null, "Local times, e.g. [\"09:00\", \"18:30\"].")),
        Schedule("cron", "A 5- or 6-field cron expression, DST-correct in the task's zone.", new PluginOption("cron", "string", true, null, "E.g. \"*/5 * * * *\" or \"0 */10 * * * *\".")),
        Schedule("once", "Once, at a given time.", new PluginOption("run_at", "date-time", true, null, "When to run.")),
    ];

    /// <summary>Executors first, then schedule kinds.</summary>
    public static PluginDescriptor[] List(ExecutorRegistry executors) =>
        [.. executors.All.Select(e => e.Describe()).OrderBy(d => d.Name, StringComparer.Ordinal), .. Schedules];

    private static PluginDescriptor Schedule(string name, string description, params PluginOption[] options) => new()
    {
        Name = name,
        PluginType = "schedule",
        Description = description,
        Options = [.. options, Window, Zone, End, Grace],
    };
}

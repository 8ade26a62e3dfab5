using System.Globalization;

namespace Actors.Cli.Flows;

/// <summary>The paths of the flows API, relative to the server (so a server behind a path prefix keeps it).</summary>
public static class FlowPaths
{
    /// <summary><c>GET</c> lists flows.</summary>
    public const string Flows = "api/v1/flows";

    /// <summary><c>POST</c> registers or replaces a flow.</summary>
    public const string Execute = "api/v1/flows/execute";

    /// <summary>One flow, or one of its sub-resources (<c>status</c>, <c>cycles</c>, <c>stop</c>, ...).</summary>
    public static string Flow(string flowId, string? rest = null) =>
        $"{Flows}/{Uri.EscapeDataString(flowId)}" + (rest is null ? "" : "/" + rest);

    /// <summary>One cycle of a flow.</summary>
    public static string Cycle(string flowId, long cycle) => Flow(flowId, "cycles/" + cycle.ToString(CultureInfo.InvariantCulture));

    /// <summary>Stopping one component of a cycle.</summary>
    public static string StopComponent(string flowId, long cycle, int component) =>
        Cycle(flowId, cycle) + "/components/" + component.ToString(CultureInfo.InvariantCulture) + "/stop";
}

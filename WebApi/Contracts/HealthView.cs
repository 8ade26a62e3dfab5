using System.Text.Json.Nodes;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.WebApi.Contracts;

/// <summary>Overall health with its checks (503 when unhealthy).</summary>
/// <param name="Status">healthy, degraded (the dispatcher is stopped) or unhealthy.</param>
/// <param name="Timestamp">When the checks ran (ISO 8601, round-trip format).</param>
/// <param name="Version">The service version.</param>
/// <param name="Checks">Each check by name.</param>
public sealed record HealthView(HealthStatus Status, string Timestamp, string Version, Dictionary<string, HealthCheckView> Checks);

/// <summary>One health check.</summary>
/// <param name="Status">healthy, degraded or unhealthy.</param>
/// <param name="Details">What the check found; error when not healthy.</param>
public sealed record HealthCheckView(HealthStatus Status, JsonObject Details);

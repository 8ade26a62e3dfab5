using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.EndToEnd;

/// <summary>
/// One silo and the Web API under 30 webhook tasks every 2 s; PostgreSQL stops (immediate
/// shutdown) for <see cref="Outage"/> and comes back. During the outage the API is probed every
/// half second; afterwards the fixture records when health and every task came back.
/// <see cref="StorageOutageTests"/> checks one behaviour each.
/// </summary>
public sealed class StorageOutageFixture() : ProcessClusterFixture(durableCommits: true)
{
    /// <summary>Webhook tasks.</summary>
    public const int Tasks = 30;

    /// <summary>How long the database is down.</summary>
    public static readonly TimeSpan Outage = TimeSpan.FromSeconds(12);

    /// <summary>The running tasks.</summary>
    public List<string> TaskIds { get; } = [];

    /// <summary>A task paused (and acknowledged) right before the outage.</summary>
    public string PausedTask { get; private set; } = "";

    /// <summary>A task created (and acknowledged) right before the outage.</summary>
    public string LastCreatedTask { get; private set; } = "";

    /// <summary>When the database went down and came back.</summary>
    public (DateTimeOffset Down, DateTimeOffset Up) Window { get; private set; }

    /// <summary>Every call made during the outage.</summary>
    public List<Probe> Probes { get; } = [];

    /// <summary>Whether the silo and the Web API were still running at the end of the outage.</summary>
    public bool ProcessesSurvived { get; private set; }

    /// <summary>When <c>/health</c> first answered 200 after the database came back (null: not within a minute).</summary>
    public DateTimeOffset? HealthyAt { get; private set; }

    /// <summary>Each task's first delivery after the database came back.</summary>
    public Dictionary<string, DateTimeOffset> FiredAfter { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    protected override async Task RunAsync()
    {
        await StartClusterAsync(silos: 1);
        for (var i = 0; i < Tasks; i++)
        {
            TaskIds.Add(await Cluster.CreateTaskAsync(WebhookTask($"outage-{i}", "hook", intervalSeconds: 2, timeoutSeconds: 5)));
        }

        await Poll.UntilAsync(() => Task.FromResult(Receiver.Answers.Select(a => a.RunId).Distinct().Count()), n => n >= Tasks,
            TimeSpan.FromSeconds(60), "every task to fire once", Cluster.Logs);
        var neverRan = WebhookTask("outage-paused", "hook", intervalSeconds: 2, timeoutSeconds: 5);
        neverRan.Remove("run_immediately");
        PausedTask = await Cluster.CreateTaskAsync(neverRan);
        using (var pause = await Cluster.Http.PostAsync(new Uri($"/api/v1/tasks/{PausedTask}/pause", UriKind.Relative), null))
        {
            pause.EnsureSuccessStatusCode();
        }

        LastCreatedTask = await Cluster.CreateTaskAsync(WebhookTask("outage-last", "hook", intervalSeconds: 2, timeoutSeconds: 5));

        await Postgres.StopImmediatelyAsync();
        var down = DateTimeOffset.UtcNow;
        for (var i = 0; DateTimeOffset.UtcNow < down + Outage; i++)
        {
            await ProbeAsync("GET /health", () => Cluster.Http.GetAsync(new Uri("/health", UriKind.Relative)));
            await ProbeAsync("GET /api/v1/tasks/", () => Cluster.Http.GetAsync(new Uri("/api/v1/tasks/", UriKind.Relative)));
            await ProbeAsync("GET /api/v1/tasks/{id}", () => Cluster.Http.GetAsync(new Uri($"/api/v1/tasks/{TaskIds[i % Tasks]}", UriKind.Relative)));
            await ProbeAsync("POST /api/v1/tasks/", () => Cluster.Http.PostAsJsonAsync(new Uri("/api/v1/tasks/", UriKind.Relative), WebhookTask($"during-outage-{i}", "hook", intervalSeconds: 2, timeoutSeconds: 5)));
            await ProbeAsync("POST /api/v1/tasks/{id}/pause", () => Cluster.Http.PostAsync(new Uri($"/api/v1/tasks/{TaskIds[(i + 7) % Tasks]}/pause", UriKind.Relative), null));
            await ProbeAsync("GET /api/v1/dispatcher/status", () => Cluster.Http.GetAsync(new Uri("/api/v1/dispatcher/status", UriKind.Relative)));
            await Task.Delay(500);
        }

        ProcessesSurvived = Cluster.Silos[0].IsRunning && Cluster.Api!.IsRunning;
        await Postgres.StartAsync();
        var up = DateTimeOffset.UtcNow;
        Window = (down, up);

        var deadline = up + TimeSpan.FromSeconds(60);
        var running = TaskIds.Append(LastCreatedTask).ToList();
        while (DateTimeOffset.UtcNow < deadline && (HealthyAt is null || FiredAfter.Count < running.Count))
        {
            if (HealthyAt is null)
            {
                using var health = await Cluster.Http.GetAsync(new Uri("/health", UriKind.Relative));
                HealthyAt = health.IsSuccessStatusCode ? DateTimeOffset.UtcNow : null;
            }

            foreach (var delivery in Receiver.Deliveries.Where(d => d.ArrivedAt >= up))
            {
                FiredAfter.TryAdd(delivery.Body!["task_id"]!.GetValue<string>(), delivery.ArrivedAt);
            }

            await Task.Delay(250);
        }
    }

    private async Task ProbeAsync(string call, Func<Task<HttpResponseMessage>> send)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await send();
            var body = await response.Content.ReadAsStringAsync();
            Probes.Add(new Probe(call, (int)response.StatusCode, watch.Elapsed, response.Headers.RetryAfter?.ToString(), JsonNode.Parse(body) as JsonObject));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Probes.Add(new Probe(call, 0, watch.Elapsed, null, new JsonObject { ["client_error"] = ex.Message }));
        }
    }

    /// <summary>One call during the outage.</summary>
    public sealed record Probe(string Call, int Status, TimeSpan Took, string? RetryAfter, JsonObject? Body);
}

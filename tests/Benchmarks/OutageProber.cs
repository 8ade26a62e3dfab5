using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Actors.Benchmarks;

/// <summary>
/// Calls the API one request at a time, round robin over <see cref="Calls"/>, starting one every
/// <c>every</c> (or right after the previous one when that took longer), with its own connection
/// pool and a 20 s client timeout so a hanging call is measured, not cut at 2 s.
/// </summary>
public sealed class OutageProber(Uri api, string readTaskId, IReadOnlyList<string> pauseTargets, Func<int, JsonObject> createBody) : IDisposable
{
    /// <summary>The calls, in the order they are made.</summary>
    public static readonly string[] Calls = ["health", "list", "get", "create", "pause", "dispatcher_status", "status"];

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = api,
        Timeout = TimeSpan.FromSeconds(20),
    };

    /// <summary>Probes until <paramref name="until"/>; returns every answer.</summary>
    public async Task<List<ProbeAnswer>> ProbeUntilAsync(DateTimeOffset until, TimeSpan every)
    {
        var answers = new List<ProbeAnswer>();
        for (var i = 0; DateTimeOffset.UtcNow < until; i++)
        {
            var started = DateTimeOffset.UtcNow;
            answers.Add(await ProbeAsync(Calls[i % Calls.Length], i / Calls.Length));
            await Load.DelayUntilAsync(started + every);
        }

        return answers;
    }

    /// <summary>
    /// Per call: how many, the slowest and the median answer, and the status codes seen; overall:
    /// the slowest answer and how many took longer than <paramref name="limit"/>.
    /// </summary>
    public static Dictionary<string, object> Summarize(IReadOnlyList<ProbeAnswer> answers, TimeSpan limit)
    {
        var result = new Dictionary<string, object>
        {
            ["probes"] = answers.Count,
            ["probe_max_ms"] = answers.Count == 0 ? 0 : Math.Round(answers.Max(a => a.Milliseconds), 1),
            ["probes_over_2s"] = answers.Count(a => a.Milliseconds > limit.TotalMilliseconds || a.Status == 0),
        };
        foreach (var call in Calls)
        {
            var these = answers.Where(a => a.Call == call).ToList();
            var latencies = new Latencies();
            these.ForEach(a => latencies.Add(a.Milliseconds));
            result[$"call_{call}"] = new Dictionary<string, object>
            {
                ["n"] = these.Count,
                ["max_ms"] = Math.Round(latencies.Max, 1),
                ["p50_ms"] = Math.Round(latencies.Percentile(50), 1),
                ["status"] = these.GroupBy(a => a.Status).OrderBy(g => g.Key)
                    .ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => g.Count(), StringComparer.Ordinal),
            };
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<ProbeAnswer> ProbeAsync(string call, int round)
    {
        var target = call switch
        {
            "health" => "/health",
            "list" => "/api/v1/tasks/",
            "get" => $"/api/v1/tasks/{readTaskId}",
            "create" => "/api/v1/tasks/",
            "pause" => $"/api/v1/tasks/{pauseTargets[round % pauseTargets.Count]}/pause",
            "dispatcher_status" => "/api/v1/dispatcher/status",
            "status" => "/api/v1/status",
            _ => throw new ArgumentOutOfRangeException(nameof(call), call, "unknown probe"),
        };
        var method = call is "create" or "pause" ? HttpMethod.Post : HttpMethod.Get;
        var at = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(target, UriKind.Relative));
            if (call == "create")
            {
                request.Content = JsonContent.Create(createBody(round));
            }

            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            JsonNode? body = null;
            try
            {
                body = text.Length > 0 ? JsonNode.Parse(text) : null;
            }
            catch (System.Text.Json.JsonException)
            {
                // Not JSON: no problem document, no health body.
            }

            var status = (int)response.StatusCode;
            return new ProbeAnswer(
                call, target, at, elapsed, status,
                response.Headers.RetryAfter is not null,
                body is JsonObject o && o["title"] is JsonValue title && title.TryGetValue<string>(out var t) && t.Length > 0,
                call == "health" ? Text(body?["status"]) : null,
                call == "health" ? Text(body?["checks"]?["storage"]?["status"]) : null,
                call == "create" && status is >= 200 and < 300 ? Text(body?["task_id"]) : null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return new ProbeAnswer(call, target, at, clock.Elapsed.TotalMilliseconds, 0, false, false, null, null, null);
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

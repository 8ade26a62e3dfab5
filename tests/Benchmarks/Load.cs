using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Actors.Benchmarks;

/// <summary>Bounded-concurrency request loops.</summary>
public static class Load
{
    /// <summary>Runs <paramref name="count"/> operations with <paramref name="concurrency"/> in flight; returns the wall time.</summary>
    public static async Task<TimeSpan> RunAsync(int count, int concurrency, Func<int, Task> operation)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                await operation(i);
            }
        }));
        return watch.Elapsed;
    }

    /// <summary>Runs operations for <paramref name="duration"/>; returns how many completed.</summary>
    public static async Task<long> RunForAsync(TimeSpan duration, int concurrency, Func<long, Task> operation)
    {
        long done = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                await operation(Interlocked.Increment(ref done));
            }
        }));
        return done;
    }

    /// <summary>
    /// Starts <paramref name="count"/> operations at <paramref name="perSecond"/> a second, each when
    /// it is due whether or not the earlier ones have answered (an open loop), and passes each its due
    /// timestamp; returns the wall time until the last one finished.
    /// </summary>
    public static async Task<TimeSpan> RunAtRateAsync(int count, int perSecond, Func<int, long, Task> operation)
    {
        var running = new List<Task>(count);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)((double)i / perSecond * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var index = i;
            running.Add(Task.Run(() => operation(index, due)));
        }

        await Task.WhenAll(running);
        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>
    /// The benchmark's task: every <paramref name="interval"/> from <paramref name="start"/>, a POST to
    /// <paramref name="url"/> with a 10-second timeout and <paramref name="maxRetries"/> retries 0.5 s apart.
    /// </summary>
    public static JsonObject WebhookTask(string account, string url, TimeSpan interval, DateTimeOffset start, int maxRetries = 3)
    {
        var task = new JsonObject
        {
            ["account_id"] = account,
            ["sys_type"] = "bench",
            ["interval"] = (int)interval.TotalSeconds,
            ["executor"] = "http",
            ["http"] = new JsonObject { ["url"] = url },
            ["timeout_seconds"] = 10,
            ["max_retries"] = maxRetries,
            ["start_time"] = start.ToString("O", CultureInfo.InvariantCulture),
        };
        if (maxRetries > 0)
        {
            task["retry_backoff_seconds"] = 0.5;
        }

        return task;
    }

    /// <summary>Creates a task and returns its id; throws with the server's answer when refused.</summary>
    public static async Task<string> CreateAsync(HttpClient http, JsonObject body, Latencies? latencies = null)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync(new Uri("/api/v1/tasks/", UriKind.Relative), body);
        latencies?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"create failed ({(int)response.StatusCode}): {text}");
        }

        return JsonNode.Parse(text)!["task_id"]!.GetValue<string>();
    }

    /// <summary>GETs a path, recording its latency; throws on failure.</summary>
    public static async Task<JsonNode> GetAsync(HttpClient http, string path, Latencies latencies)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return response.IsSuccessStatusCode ? JsonNode.Parse(text)! : throw new InvalidOperationException($"GET {path} failed ({(int)response.StatusCode}): {text}");
    }

    /// <summary>
    /// Sends a request and never throws for a failure of the server or the network: a cluster under
    /// chaos answers 503 or nothing at all, and the caller counts that instead of crashing.
    /// </summary>
    public static async Task<ApiAnswer> TrySendAsync(HttpClient http, HttpMethod method, string path, JsonObject? body = null)
    {
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            JsonNode? parsed = null;
            try
            {
                parsed = text.Length > 0 ? JsonNode.Parse(text) : null;
            }
            catch (System.Text.Json.JsonException)
            {
                // Not JSON (a proxy's or the server's plain-text error): keep the status only.
            }

            return new ApiAnswer((int)response.StatusCode, parsed);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return new ApiAnswer(0, null);
        }
    }

    /// <summary>Waits until a moment (at once when it has passed).</summary>
    public static Task DelayUntilAsync(DateTimeOffset moment)
    {
        var wait = moment - DateTimeOffset.UtcNow;
        return wait > TimeSpan.Zero ? Task.Delay(wait) : Task.CompletedTask;
    }

    /// <summary>
    /// The cluster's silos from <c>GET /api/v1/status</c> by address (the form run records carry
    /// in <c>silo</c>), with name and status; null when the API did not answer.
    /// </summary>
    public static async Task<Dictionary<string, (string Name, string Status)>?> SilosAsync(HttpClient http)
    {
        var answer = await TrySendAsync(http, HttpMethod.Get, "/api/v1/status");
        if (!answer.Ok || answer.Body?["silos"] is not JsonArray silos)
        {
            return null;
        }

        var result = new Dictionary<string, (string Name, string Status)>(StringComparer.Ordinal);
        foreach (var silo in silos)
        {
            result[silo!["address"]!.GetValue<string>()] = (silo["name"]?.GetValue<string>() ?? "", silo["status"]?.GetValue<string>() ?? "");
        }

        return result;
    }
}

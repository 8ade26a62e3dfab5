using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.IntegrationTests.Flows;

/// <summary>
/// A real HTTP receiver for flow nodes (Kestrel on 127.0.0.1). Like the webhook receiver it records
/// every delivery and answers per path with scripted statuses and delays; in addition it answers
/// with a scripted body (JSON or text), records requests the caller cut off (a cancelled node), and
/// the caller's port (which process sent a request).
/// </summary>
public sealed class FlowReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Script> _scripts = new(StringComparer.Ordinal);

    private FlowReceiver(WebApplication app) => _app = app;

    /// <summary>Every delivery, in arrival order.</summary>
    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    /// <summary>Every answer the receiver finished sending, in order.</summary>
    public ConcurrentQueue<Answer> Answers { get; } = new();

    /// <summary>Requests the caller gave up on before the answer was sent, in order.</summary>
    public ConcurrentQueue<Answer> CutOff { get; } = new();

    /// <summary>Requests that arrived and are not answered yet, by run id.</summary>
    public ConcurrentDictionary<string, Delivery> InProgress { get; } = new(StringComparer.Ordinal);

    /// <summary>The base address.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The port it listens on.</summary>
    public int Port => BaseAddress.Port;

    /// <summary>Starts a receiver on a free loopback port.</summary>
    public static async Task<FlowReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new FlowReceiver(app);
        app.Map("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    /// <summary>The URL of a path on this receiver.</summary>
    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>Answers the next requests to <paramref name="path"/> with these statuses, then 200.</summary>
    public void Respond(string path, params int[] statuses) => ScriptFor(path).Statuses = new ConcurrentQueue<int>(statuses);

    /// <summary>Answers requests to <paramref name="path"/> with this JSON body.</summary>
    public void AnswerJson(string path, JsonNode body) => ScriptFor(path).Body = (body.ToJsonString(), "application/json");

    /// <summary>Answers requests to <paramref name="path"/> with this plain text.</summary>
    public void AnswerText(string path, string body) => ScriptFor(path).Body = (body, "text/plain");

    /// <summary>Waits this long before answering requests to <paramref name="path"/> (zero: at once).</summary>
    public void Delay(string path, TimeSpan delay) => ScriptFor(path).Delay = delay;

    /// <summary>Deliveries to one path, in arrival order.</summary>
    public IReadOnlyList<Delivery> To(string path) => [.. Deliveries.Where(d => d.Path == Normal(path))];

    /// <summary>Deliveries whose path starts with <paramref name="prefix"/> (a flow's nodes share a prefix).</summary>
    public IReadOnlyList<Delivery> Under(string prefix) => [.. Deliveries.Where(d => d.Path.StartsWith(Normal(prefix), StringComparison.Ordinal))];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Normal(string path) => "/" + path.TrimStart('/');

    private Script ScriptFor(string path) => _scripts.GetOrAdd(Normal(path), _ => new Script());

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = DateTimeOffset.UtcNow;
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value!;
        var script = ScriptFor(path);
        var status = script.Statuses.TryDequeue(out var scripted) ? scripted : 200;
        JsonObject? body;
        try
        {
            body = text.Length > 0 ? JsonNode.Parse(text) as JsonObject : null;
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }

        var runId = context.Request.Headers["X-Actors-Run-Id"].ToString();
        var delivery = new Delivery(path, context.Request.Method, arrived, runId, context.Request.Headers["Idempotency-Key"].ToString(),
            body, text, status, context.Connection.RemotePort,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        Deliveries.Enqueue(delivery);
        InProgress[runId] = delivery;
        try
        {
            if (script.Delay > TimeSpan.Zero)
            {
                await Task.Delay(script.Delay, context.RequestAborted);
            }

            context.Response.StatusCode = status;
            var (content, contentType) = status == 200 ? script.Body : ($"scripted {status}", "text/plain");
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(content, context.RequestAborted);
            await context.Response.CompleteAsync();
            Answers.Enqueue(new Answer(path, runId, status, DateTimeOffset.UtcNow));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            CutOff.Enqueue(new Answer(path, runId, status, DateTimeOffset.UtcNow));
        }
        finally
        {
            InProgress.TryRemove(new KeyValuePair<string, Delivery>(runId, delivery));
        }
    }

    /// <summary>One request the receiver saw.</summary>
    public sealed record Delivery(
        string Path, string Method, DateTimeOffset ArrivedAt, string RunId, string IdempotencyKey, JsonObject? Body, string Text, int AnsweredStatus, int CallerPort,
        IReadOnlyDictionary<string, string> Headers);

    /// <summary>An answer the receiver finished sending, or a request the caller cut off.</summary>
    public sealed record Answer(string Path, string RunId, int Status, DateTimeOffset At);

    private sealed class Script
    {
        public ConcurrentQueue<int> Statuses { get; set; } = new();

        public TimeSpan Delay { get; set; }

        public (string Content, string ContentType) Body { get; set; } = ("ok from receiver", "text/plain");
    }
}

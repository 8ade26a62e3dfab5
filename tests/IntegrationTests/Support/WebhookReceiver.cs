using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.IntegrationTests.Support;

/// <summary>
/// A real webhook receiver (Kestrel on 127.0.0.1) that records every delivery and answers per
/// path: a queue of status codes to answer first (then 200), and an optional delay.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Script> _scripts = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Every delivery, in arrival order.</summary>
    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    /// <summary>Every answer the receiver finished sending (a caller that gave up or died mid-request is not here), in order.</summary>
    public ConcurrentQueue<Answer> Answers { get; } = new();

    /// <summary>Requests that arrived and are not answered yet, by run id.</summary>
    public ConcurrentDictionary<string, int> InProgress { get; } = new(StringComparer.Ordinal);

    /// <summary>The base address.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts a receiver on a free loopback port.</summary>
    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Map("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    /// <summary>The URL of a path on this receiver.</summary>
    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>Answers the next requests to <paramref name="path"/> with these statuses, then 200.</summary>
    public void Respond(string path, params int[] statuses) => ScriptFor(path).Statuses = new ConcurrentQueue<int>(statuses);

    /// <summary>Waits this long before answering requests to <paramref name="path"/>.</summary>
    public void Delay(string path, TimeSpan delay) => ScriptFor(path).Delay = delay;

    /// <summary>Deliveries to one path.</summary>
    public IReadOnlyList<Delivery> To(string path) => [.. Deliveries.Where(d => d.Path == "/" + path.TrimStart('/'))];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Script ScriptFor(string path) => _scripts.GetOrAdd("/" + path.TrimStart('/'), _ => new Script());

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = DateTimeOffset.UtcNow;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value!;
        var script = ScriptFor(path);
        var status = script.Statuses.TryDequeue(out var scripted) ? scripted : 200;
        Deliveries.Enqueue(new Delivery(
            path, context.Request.Method, arrived, context.Request.Headers["X-Actors-Run-Id"].ToString(),
            context.Request.Headers["Idempotency-Key"].ToString(), body.Length > 0 ? JsonNode.Parse(body) as JsonObject : null, status));
        var runId = context.Request.Headers["X-Actors-Run-Id"].ToString();
        InProgress.AddOrUpdate(runId, 1, (_, n) => n + 1);
        try
        {
            if (script.Delay > TimeSpan.Zero)
            {
                await Task.Delay(script.Delay, context.RequestAborted);
            }

            context.Response.StatusCode = status;
            await context.Response.WriteAsync(status == 200 ? "ok from receiver" : $"scripted {status}", context.RequestAborted);
            await context.Response.CompleteAsync();
            Answers.Enqueue(new Answer(path, runId, status, DateTimeOffset.UtcNow));
        }
        finally
        {
            InProgress.AddOrUpdate(runId, 0, (_, n) => n - 1);
            InProgress.TryRemove(new KeyValuePair<string, int>(runId, 0));
        }
    }

    /// <summary>One request the receiver saw.</summary>
    public sealed record Delivery(string Path, string Method, DateTimeOffset ArrivedAt, string RunId, string IdempotencyKey, JsonObject? Body, int AnsweredStatus);

    /// <summary>An answer the receiver finished sending.</summary>
    public sealed record Answer(string Path, string RunId, int Status, DateTimeOffset AnsweredAt);

    private sealed class Script
    {
        public ConcurrentQueue<int> Statuses { get; set; } = new();

        public TimeSpan Delay { get; set; }
    }
}

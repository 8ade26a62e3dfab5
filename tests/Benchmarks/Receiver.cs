using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Benchmarks;

/// <summary>The webhook receiver inside the benchmark: records (run id, scheduled time, arrival time) and answers 200.</summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Receiver(WebApplication app) => _app = app;

    /// <summary>Deliveries per run id.</summary>
    public ConcurrentDictionary<string, Arrival> Arrivals { get; } = new(StringComparer.Ordinal);

    /// <summary>Run ids delivered more than once.</summary>
    public ConcurrentDictionary<string, int> Duplicates { get; } = new(StringComparer.Ordinal);

    /// <summary>The hook URL.</summary>
    public string Url { get; private set; } = "";

    /// <summary>Starts on a free loopback port.</summary>
    public static async Task<Receiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new Receiver(app);
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";
        return receiver;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = DateTimeOffset.UtcNow;
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var root = body.RootElement;
        var runId = root.GetProperty("run_id").GetString()!;
        var arrival = new Arrival(root.GetProperty("task_id").GetString()!, root.GetProperty("round").GetInt64(), root.GetProperty("scheduled_time").GetDateTimeOffset(), arrived);
        if (!Arrivals.TryAdd(runId, arrival))
        {
            Duplicates.AddOrUpdate(runId, 2, (_, n) => n + 1);
        }

        context.Response.StatusCode = 200;
    }

    /// <summary>One delivery.</summary>
    public sealed record Arrival(string TaskId, long Round, DateTimeOffset ScheduledAt, DateTimeOffset ArrivedAt);
}

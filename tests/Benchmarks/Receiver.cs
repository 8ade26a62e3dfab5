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

/// <summary>
/// The webhook receiver inside the benchmark. <c>/hook</c> answers 200 at once; <c>/slow</c>
/// answers 200 after <see cref="SlowAnswer"/> and <c>/lag</c> after <see cref="LagAnswer"/>;
/// <c>/flaky</c> answers 500 to the first <see cref="FlakyFailures"/> deliveries of a run id and
/// 200 after that. Every delivery is kept in <see cref="Deliveries"/>; <see cref="Arrivals"/> and
/// <see cref="Duplicates"/> keep the first delivery of each run id and the run ids delivered more
/// than once.
/// </summary>
public sealed class Receiver : IAsyncDisposable
{
    /// <summary>How long <c>/slow</c> takes to answer.</summary>
    public static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(3);

    /// <summary>How long <c>/lag</c> takes to answer (shorter than the outage scenario's 2 s interval).</summary>
    public static readonly TimeSpan LagAnswer = TimeSpan.FromSeconds(1);

    /// <summary>How many deliveries of one run id <c>/flaky</c> fails before it succeeds.</summary>
    public const int FlakyFailures = 2;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _flakyCalls = new(StringComparer.Ordinal);

    private Receiver(WebApplication app) => _app = app;

    /// <summary>First delivery per run id.</summary>
    public ConcurrentDictionary<string, Arrival> Arrivals { get; } = new(StringComparer.Ordinal);

    /// <summary>Run ids delivered more than once, with how many times.</summary>
    public ConcurrentDictionary<string, int> Duplicates { get; } = new(StringComparer.Ordinal);

    /// <summary>Every delivery, in arrival order (roughly: appended when answered).</summary>
    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    /// <summary>The <c>/hook</c> URL.</summary>
    public string Url => UrlOf("/hook");

    private string BaseUrl { get; set; } = "";

    /// <summary>Starts on a free loopback port.</summary>
    public static async Task<Receiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new Receiver(app);
        app.MapPost("/hook", context => receiver.HandleAsync(context, "/hook"));
        app.MapPost("/slow", context => receiver.HandleAsync(context, "/slow"));
        app.MapPost("/lag", context => receiver.HandleAsync(context, "/lag"));
        app.MapPost("/flaky", context => receiver.HandleAsync(context, "/flaky"));
        await app.StartAsync();
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    /// <summary>The URL of one of the receiver's paths (<c>/hook</c>, <c>/slow</c>, <c>/lag</c>, <c>/flaky</c>).</summary>
    public string UrlOf(string path) => BaseUrl + path;

    /// <summary>Each of <paramref name="tasks"/>' first delivery that arrived at or after <paramref name="since"/> (tasks with none are left out).</summary>
    public Dictionary<string, DateTimeOffset> FirstDeliveriesSince(IEnumerable<string> tasks, DateTimeOffset since)
    {
        var wanted = tasks.ToHashSet(StringComparer.Ordinal);
        return Deliveries.Where(d => d.ArrivedAt >= since && wanted.Contains(d.TaskId))
            .GroupBy(d => d.TaskId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(d => d.ArrivedAt), StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, string path)
    {
        var arrived = DateTimeOffset.UtcNow;
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var root = body.RootElement;
        var runId = context.Request.Headers["X-Actors-Run-Id"].FirstOrDefault() ?? root.GetProperty("run_id").GetString()!;
        var taskId = root.GetProperty("task_id").GetString()!;
        var scheduledAt = root.GetProperty("scheduled_time").GetDateTimeOffset();
        var attempt = root.TryGetProperty("attempt", out var a) && a.TryGetInt32(out var n) ? n : 1;
        if (!Arrivals.TryAdd(runId, new Arrival(taskId, root.GetProperty("round").GetInt64(), scheduledAt, arrived)))
        {
            Duplicates.AddOrUpdate(runId, 2, (_, count) => count + 1);
        }

        var status = StatusCodes.Status200OK;
        if (path == "/flaky" && _flakyCalls.AddOrUpdate(runId, 1, (_, count) => count + 1) <= FlakyFailures)
        {
            status = StatusCodes.Status500InternalServerError;
        }
        else if (path is "/slow" or "/lag")
        {
            try
            {
                await Task.Delay(path == "/slow" ? SlowAnswer : LagAnswer, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The caller (a silo) went away before the answer: it never saw a 2xx.
                status = StatusCodes.Status499ClientClosedRequest;
            }
        }

        Deliveries.Enqueue(new Delivery(runId, taskId, attempt, path, scheduledAt, arrived, status, DateTimeOffset.UtcNow));
        context.Response.StatusCode = status;
    }

    /// <summary>One delivery.</summary>
    public sealed record Arrival(string TaskId, long Round, DateTimeOffset ScheduledAt, DateTimeOffset ArrivedAt);
}

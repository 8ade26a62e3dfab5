using System.Diagnostics.Metrics;
using Actors.Grains;

namespace Actors.WebApi.Hosting;

/// <summary>
/// The Web API's own instruments (meter <c>Actors.Api</c>): <c>actors_tasks</c> by status (the
/// catalog's counts, refreshed every 15 s; cluster-wide, so every Web API reports the same values)
/// and <c>actors_agents_connected</c> (agent sockets open on this Web API).
/// </summary>
public sealed partial class ApiMetrics : BackgroundService
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Actors.Api";

    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(15);

    private readonly IGrainFactory _grains;
    private readonly ILogger<ApiMetrics> _logger;
    private readonly UpDownCounter<long> _agents;
    private StatusCounts? _counts;

    /// <summary>Creates the instruments.</summary>
    public ApiMetrics(IMeterFactory meters, IGrainFactory grains, ILogger<ApiMetrics> logger)
    {
        _grains = grains;
        _logger = logger;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("actors_tasks", Tasks, "{task}", "Tasks by status (from the catalog, refreshed every 15 s).");
        _agents = meter.CreateUpDownCounter<long>("actors_agents_connected", "{agent}", "Agents connected to this Web API.");
    }

    /// <summary>An agent's socket opened (+1) or closed (-1).</summary>
    public void AgentConnected(int delta) => _agents.Add(delta);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Refresh);
        try
        {
            do
            {
                try
                {
                    _counts = (await _grains.GetDispatcherGrain().GetStatusAsync()).Counts;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRefreshFailed(ex.GetBaseException().Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private IEnumerable<Measurement<long>> Tasks()
    {
        if (_counts is not { } c)
        {
            yield break;
        }

        yield return Count("pending", c.Pending);
        yield return Count("running", c.Running);
        yield return Count("paused", c.Paused);
        yield return Count("completed", c.Completed);
        yield return Count("error", c.Error);
    }

    private static Measurement<long> Count(string status, long value) => new(value, new KeyValuePair<string, object?>("status", status));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not refresh the task counts for actors_tasks ({Reason})")]
    private partial void LogRefreshFailed(string reason);
}

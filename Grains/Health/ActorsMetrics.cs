using System.Diagnostics.Metrics;

namespace Actors.Grains.Health;

/// <summary>
/// The silo's own instruments (meter <c>Actors</c>), exported by each silo's Prometheus endpoint:
/// <c>actors_runs_total</c> (executor, outcome), <c>actors_run_lateness_seconds</c>,
/// <c>actors_runs_in_flight</c> (executor) and <c>actors_flow_cycles_total</c> (state).
/// </summary>
public sealed class ActorsMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Actors";

    private static readonly double[] LatenessBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    private readonly Counter<long> _runs;
    private readonly Histogram<double> _lateness;
    private readonly UpDownCounter<long> _inFlight;
    private readonly Counter<long> _cycles;

    /// <summary>Creates the instruments on the host's meter factory.</summary>
    public ActorsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _runs = meter.CreateCounter<long>("actors_runs", "{run}", "Attempts that ended, by executor and outcome (task runs and flow node runs).");
        _lateness = meter.CreateHistogram("actors_run_lateness", "s", "How late a task's run started after its slot (first attempts of scheduled runs).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatenessBuckets });
        _inFlight = meter.CreateUpDownCounter<long>("actors_runs_in_flight", "{run}", "Attempts executing in this silo, by executor.");
        _cycles = meter.CreateCounter<long>("actors_flow_cycles", "{cycle}", "Flow cycles that ended, by state.");
    }

    /// <summary>An attempt started.</summary>
    public void Started(string executor) => _inFlight.Add(1, new KeyValuePair<string, object?>("executor", executor));

    /// <summary>An attempt ended with <paramref name="outcome"/>.</summary>
    public void Ended(string executor, RunOutcome outcome)
    {
        _inFlight.Add(-1, new KeyValuePair<string, object?>("executor", executor));
        _runs.Add(1, new KeyValuePair<string, object?>("executor", executor), new KeyValuePair<string, object?>("outcome", System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.ToString())));
    }

    /// <summary>A scheduled run started <paramref name="lateness"/> after its slot.</summary>
    public void Late(TimeSpan lateness) => _lateness.Record(Math.Max(0, lateness.TotalSeconds));

    /// <summary>A flow cycle ended in <paramref name="state"/>.</summary>
    public void CycleEnded(CycleState state) => _cycles.Add(1, new KeyValuePair<string, object?>("state", state.ToString().ToLowerInvariant()));
}

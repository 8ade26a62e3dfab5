using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.EndToEnd;

/// <summary>
/// One silo running 60 webhook tasks every 5 s (the receiver answers in 1 s); a second silo joins,
/// then is stopped gracefully (SIGTERM) while some of its runs are in flight. The fixture records
/// what happened; <see cref="ScaleOutTests"/> checks one behaviour each.
/// </summary>
public sealed class ScaleOutFixture() : ProcessClusterFixture
{
    /// <summary>Tasks.</summary>
    public const int Tasks = 60;

    /// <summary>How long a joining silo may take to receive its tasks.</summary>
    public static readonly TimeSpan JoinBound = TimeSpan.FromSeconds(60);

    /// <summary>The tasks.</summary>
    public List<string> TaskIds { get; } = [];

    /// <summary>Silo names to addresses while both ran.</summary>
    public Dictionary<string, string> BothSilos { get; private set; } = [];

    /// <summary>Each task's owner while both silos ran.</summary>
    public Dictionary<string, string> OwnersWithBoth { get; private set; } = [];

    /// <summary>Where each task's newest run was once the join settled (or when the wait gave up).</summary>
    public Dictionary<string, string?> RanAfterJoin { get; private set; } = [];

    /// <summary>Runs that were in flight on the stopping silo when it was told to stop.</summary>
    public HashSet<string> InFlightAtStop { get; } = new(StringComparer.Ordinal);

    /// <summary>When the stop was asked for.</summary>
    public DateTimeOffset StoppedAt { get; private set; }

    /// <summary>How long the graceful stop took, and the exit code.</summary>
    public (TimeSpan Took, int ExitCode) Stop { get; private set; }

    /// <summary>Where each task's first run that started after the stopped silo exited was.</summary>
    public Dictionary<string, string?> RanAfterStop { get; private set; } = [];

    /// <inheritdoc />
    protected override async Task RunAsync()
    {
        Receiver.Delay("hook", TimeSpan.FromSeconds(1));
        await StartClusterAsync(silos: 1);
        for (var i = 0; i < Tasks; i++)
        {
            TaskIds.Add(await Cluster.CreateTaskAsync(WebhookTask($"scale-{i}", "hook", intervalSeconds: 5, timeoutSeconds: 10)));
        }

        await Poll.UntilAsync(() => Task.FromResult(Receiver.Answers.Select(a => a.RunId).Distinct().Count()), n => n >= Tasks,
            TimeSpan.FromSeconds(60), "every task to fire once", Cluster.Logs);

        Cluster.StartSilo(1);
        await Cluster.WaitHealthyAsync(2);
        BothSilos = await Cluster.ActiveSilosAsync();
        OwnersWithBoth = TaskPlacementView.Owners(TaskIds, BothSilos.Values);
        var joined = DateTimeOffset.UtcNow;
        var deadline = joined + JoinBound;
        do
        {
            RanAfterJoin = await TaskPlacementView.LatestRunSilosAsync(Cluster, TaskIds, joined);
        }
        while (TaskPlacementView.Misplaced(OwnersWithBoth, RanAfterJoin).Length > 0 && DateTimeOffset.UtcNow < deadline);

        // Stop the added silo while it has a run in flight (the receiver holds each for a second).
        var onSiloOne = OwnersWithBoth.Where(o => o.Value == BothSilos["silo-1"]).Select(o => o.Key).ToList();
        await Poll.UntilAsync(() => InFlightAsync(onSiloOne, BothSilos["silo-1"]), runs => runs.Count > 0, TimeSpan.FromSeconds(30),
            "a run in flight on silo-1", Cluster.Logs);
        InFlightAtStop.UnionWith(await InFlightAsync(onSiloOne, BothSilos["silo-1"]));
        StoppedAt = DateTimeOffset.UtcNow;
        var took = await Cluster.StopSiloGracefullyAsync(1, TimeSpan.FromSeconds(120));
        Stop = (took, Cluster.Silos[1].ExitCode);

        // Read without touching the tasks: a task the stop left without a wake-up must show up as
        // a skipped slot, not be woken by the test's own reads.
        var exited = DateTimeOffset.UtcNow;
        RanAfterStop = await Poll.UntilAsync(() => TaskPlacementView.LatestRunSilosUnwokenAsync(Cluster, TaskIds, exited), ran => ran.Values.All(s => s is not null),
            TimeSpan.FromSeconds(30), "a run of every task after the stop", Cluster.Logs);
    }
}

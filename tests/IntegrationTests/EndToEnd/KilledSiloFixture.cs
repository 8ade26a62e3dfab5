using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.EndToEnd;

/// <summary>
/// Three silo processes, the Web API and 200 webhook tasks every 2 s, plus slow tasks (20 s
/// answers) of which at least three are in flight on silo-1 when silo-1 is killed (kill -9).
/// The fixture kills it, waits for every task to fire again, restarts it, and records what
/// happened; the facts in <see cref="FailoverTests"/> check one behaviour each.
/// </summary>
public sealed class KilledSiloFixture() : ProcessClusterFixture
{
    /// <summary>Webhook tasks.</summary>
    public const int Tasks = 200;

    /// <summary>How long the receiver holds a slow task's request.</summary>
    public static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(20);

    /// <summary>The bound PRODUCT.md sets for failover.</summary>
    public static readonly TimeSpan FireAgainBound = TimeSpan.FromSeconds(60);

    private const int MinimumSlowOnKilledSilo = 3;

    /// <summary>The fast webhook tasks.</summary>
    public List<string> HookTasks { get; } = [];

    /// <summary>The slow webhook tasks.</summary>
    public List<string> SlowTasks { get; } = [];

    /// <summary>Every task.</summary>
    public IEnumerable<string> AllTasks => HookTasks.Concat(SlowTasks);

    /// <summary>Run ids in flight on silo-1 (their history said so) right before the kill.</summary>
    public HashSet<string> InFlightOnKilledSilo { get; } = new(StringComparer.Ordinal);

    /// <summary>The killed silo's address.</summary>
    public string KilledSilo { get; private set; } = "";

    /// <summary>When silo-1 was killed.</summary>
    public DateTimeOffset KilledAt { get; private set; }

    /// <summary>Each task's first delivery that arrived after the kill (missing: none within the wait).</summary>
    public Dictionary<string, DateTimeOffset> FirstDeliveryAfterKill { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    protected override async Task RunAsync()
    {
        Receiver.Delay("slow", SlowAnswer);
        await StartClusterAsync(silos: 3);
        for (var i = 0; i < Tasks; i++)
        {
            HookTasks.Add(await Cluster.CreateTaskAsync(WebhookTask($"failover-{i}", "hook", intervalSeconds: 2, timeoutSeconds: 5)));
        }

        await Poll.UntilAsync(() => Task.FromResult(Fired(HookTasks, DateTimeOffset.MinValue).Count), n => n == Tasks,
            TimeSpan.FromSeconds(90), "every task to fire once", Cluster.Logs);

        // Slow tasks until at least three belong to silo-1, so the kill is sure to cut runs off.
        var silos = await Cluster.ActiveSilosAsync();
        KilledSilo = silos["silo-1"];
        for (var i = 0; SlowTasks.Count(id => TaskPlacementView.Owners([id], silos.Values)[id] == KilledSilo) < MinimumSlowOnKilledSilo; i++)
        {
            Assert.True(i < 100, "100 slow tasks and fewer than three owned by silo-1: the placement is not spreading tasks");
            SlowTasks.Add(await Cluster.CreateTaskAsync(WebhookTask($"slow-{i}", "slow", intervalSeconds: 2, timeoutSeconds: 60)));
        }

        await Poll.UntilAsync(() => InFlightAsync(SlowTasks, KilledSilo), runs => runs.Count >= MinimumSlowOnKilledSilo,
            TimeSpan.FromSeconds(60), "three slow runs in flight on silo-1", Cluster.Logs);
        InFlightOnKilledSilo.UnionWith(await InFlightAsync(SlowTasks, KilledSilo));

        await Cluster.Silos[1].KillAsync();
        KilledAt = DateTimeOffset.UtcNow;

        var deadline = KilledAt + FireAgainBound + TimeSpan.FromSeconds(30);
        while (DateTimeOffset.UtcNow < deadline && FirstDeliveryAfterKill.Count < Tasks + SlowTasks.Count)
        {
            foreach (var (task, at) in Fired(AllTasks, KilledAt.AddSeconds(1)))
            {
                FirstDeliveryAfterKill.TryAdd(task, at);
            }

            await Task.Delay(500);
        }

        Cluster.StartSilo(1);
        await Cluster.WaitHealthyAsync(3);
    }

    /// <summary>Tasks with a delivery that arrived at or after <paramref name="since"/>, with the first such arrival.</summary>
    public Dictionary<string, DateTimeOffset> Fired(IEnumerable<string> tasks, DateTimeOffset since)
    {
        var wanted = tasks.ToHashSet(StringComparer.Ordinal);
        return Receiver.Deliveries
            .Where(d => d.ArrivedAt >= since && d.Body?["task_id"]?.GetValue<string>() is { } id && wanted.Contains(id))
            .GroupBy(d => d.Body!["task_id"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => g.Min(d => d.ArrivedAt), StringComparer.Ordinal);
    }
}

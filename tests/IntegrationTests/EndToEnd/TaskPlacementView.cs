using System.Text.Json.Nodes;
using Actors.Grains.Placement;
using Orleans.Runtime;

namespace Actors.IntegrationTests.EndToEnd;

/// <summary>Where tasks should run (the product's own ownership rule) and where they did, for assertions and failure messages.</summary>
public static class TaskPlacementView
{
    /// <summary>The owner's address of each task among <paramref name="siloAddresses"/>.</summary>
    public static Dictionary<string, string> Owners(IEnumerable<string> taskIds, IEnumerable<string> siloAddresses)
    {
        var silos = siloAddresses.Select(SiloAddress.FromParsableString).ToArray();
        return taskIds.ToDictionary(id => id, id => TaskOwners.Pick(TaskOwners.GrainIdOf(Guid.Parse(id)), silos).ToParsableString(), StringComparer.Ordinal);
    }

    /// <summary>The silo of each task's newest run that started at or after <paramref name="since"/> (null when none did).</summary>
    public static async Task<Dictionary<string, string?>> LatestRunSilosAsync(ClusterProcesses cluster, IEnumerable<string> taskIds, DateTimeOffset since)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var id in taskIds)
        {
            var latest = (await cluster.RunsAsync(id, 5))
                .Where(r => r!["outcome"]!.GetValue<string>() != "skipped" && StartedAt(r!) >= since)
                .Select(r => r!["silo"]!.GetValue<string>())
                .FirstOrDefault();
            result[id] = latest;
        }

        return result;
    }

    /// <summary>
    /// Like <see cref="LatestRunSilosAsync"/>, from the runs across tasks (<see cref="ClusterProcesses.RunsSinceAsync"/>),
    /// which wakes no task: a task that does not run by itself stays without a run here.
    /// </summary>
    public static async Task<Dictionary<string, string?>> LatestRunSilosUnwokenAsync(ClusterProcesses cluster, IEnumerable<string> taskIds, DateTimeOffset since)
    {
        var newest = (await cluster.RunsSinceAsync(since))
            .Where(r => r["outcome"]!.GetValue<string>() != "skipped")
            .GroupBy(r => r["task_id"]!.GetValue<string>(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(StartedAt)!["silo"]!.GetValue<string>(), StringComparer.Ordinal);
        return taskIds.ToDictionary(id => id, id => newest.GetValueOrDefault(id), StringComparer.Ordinal);
    }

    /// <summary>Tasks whose newest run is not on their owner.</summary>
    public static string[] Misplaced(Dictionary<string, string> owners, Dictionary<string, string?> ran) =>
        [.. owners.Where(o => ran.GetValueOrDefault(o.Key) != o.Value).Select(o => o.Key)];

    /// <summary>A readable summary: how many tasks each silo should run and ran, and a few misplaced ones.</summary>
    public static string Describe(Dictionary<string, string> owners, Dictionary<string, string?> ran, IReadOnlyDictionary<string, string> names)
    {
        string Name(string? address) => address is null ? "(no run)" : names.FirstOrDefault(n => n.Value == address).Key ?? address;
        var should = owners.GroupBy(o => Name(o.Value)).Select(g => $"{g.Key}: owns {g.Count()}");
        var did = ran.GroupBy(r => Name(r.Value)).Select(g => $"{g.Key}: ran {g.Count()}");
        var wrong = Misplaced(owners, ran).Take(5).Select(id => $"{id} owned by {Name(owners[id])} ran on {Name(ran.GetValueOrDefault(id))}");
        return $"Where tasks ran: {string.Join(", ", should)}; {string.Join(", ", did)}. Misplaced: {string.Join("; ", wrong)}";
    }

    /// <summary>A run's start time.</summary>
    public static DateTimeOffset StartedAt(JsonNode run) =>
        run["started_at"]?.GetValue<string>() is { } text ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : DateTimeOffset.MinValue;
}

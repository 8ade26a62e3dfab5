using System.Collections.Concurrent;
using System.Globalization;

namespace Actors.Benchmarks;

/// <summary>What the chaos did and when (seconds after its start), and which silos are down on purpose.</summary>
public sealed class ChaosLog(DateTimeOffset origin)
{
    private readonly ConcurrentQueue<string> _events = new();
    private readonly ConcurrentDictionary<int, bool> _plannedDown = new();
    private readonly ConcurrentQueue<DateTimeOffset> _kills = new();

    /// <summary>When each <c>kill -9</c> was done.</summary>
    public DateTimeOffset[] Kills => [.. _kills];

    /// <summary>Records that a silo was killed now.</summary>
    public void Killed() => _kills.Enqueue(DateTimeOffset.UtcNow);

    /// <summary>The events, oldest first, each as "+S s: what".</summary>
    public string[] Events => [.. _events];

    /// <summary>Records an event now (and shows it on stderr).</summary>
    public void Add(string what)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"+{(DateTimeOffset.UtcNow - origin).TotalSeconds:0.0} s: {what}");
        _events.Enqueue(line);
        Console.Error.WriteLine($"[bench] {line}");
    }

    /// <summary>Marks silo slot <paramref name="index"/> as down on purpose (killed, restart pending) or not.</summary>
    public void PlanDown(int index, bool down) => _plannedDown[index] = down;

    /// <summary>Whether silo slot <paramref name="index"/> is down on purpose.</summary>
    public bool IsPlannedDown(int index) => _plannedDown.GetValueOrDefault(index);
}

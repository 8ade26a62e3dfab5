using System.Collections.Concurrent;

namespace Actors.Benchmarks;

/// <summary>Collects durations (ms) from many threads and reports percentiles.</summary>
public sealed class Latencies
{
    private readonly ConcurrentQueue<double> _values = new();

    /// <summary>How many were recorded.</summary>
    public int Count => _values.Count;

    /// <summary>Records one value in milliseconds.</summary>
    public void Add(double milliseconds) => _values.Enqueue(milliseconds);

    /// <summary>The p-th percentile (0–100), or 0 when empty.</summary>
    public double Percentile(double p)
    {
        var sorted = _values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>The largest value.</summary>
    public double Max => _values.IsEmpty ? 0 : _values.Max();
}

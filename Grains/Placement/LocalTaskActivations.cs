using System.Collections.Concurrent;
using Orleans.Runtime;

namespace Actors.Grains.Placement;

/// <summary>The task grains active on this silo (registered on activation, removed on deactivation).</summary>
public sealed class LocalTaskActivations
{
    private readonly ConcurrentDictionary<GrainId, byte> _active = new();

    /// <summary>How many there are.</summary>
    public int Count => _active.Count;

    /// <summary>A snapshot of their ids.</summary>
    public GrainId[] Snapshot() => [.. _active.Keys];

    /// <summary>A task grain activated here.</summary>
    public void Add(GrainId grain) => _active.TryAdd(grain, 0);

    /// <summary>A task grain left this silo.</summary>
    public void Remove(GrainId grain) => _active.TryRemove(grain, out _);
}

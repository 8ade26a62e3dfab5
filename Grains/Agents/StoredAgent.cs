namespace Actors.Grains.Agents;

/// <summary>An agent as the hub stores it.</summary>
[GenerateSerializer]
public sealed class StoredAgent
{
    /// <summary>Labels.</summary>
    [Id(0)] public string[] Labels { get; set; } = [];

    /// <summary>Task types (empty: any).</summary>
    [Id(1)] public string[] TaskTypes { get; set; } = [];

    /// <summary>Runs it takes at once.</summary>
    [Id(2)] public int MaxConcurrent { get; set; } = 1;

    /// <summary>Its version.</summary>
    [Id(3)] public string Version { get; set; } = "";

    /// <summary>Takes no new runs.</summary>
    [Id(4)] public bool Draining { get; set; }

    /// <summary>When it was last heard from (as of the last write).</summary>
    [Id(5)] public DateTimeOffset LastSeen { get; set; }
}

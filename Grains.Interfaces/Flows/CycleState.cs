namespace Actors.Grains;

/// <summary>Where a cycle (or one component of it) is.</summary>
[GenerateSerializer, Alias("actors.cycle-state")]
public enum CycleState
{
    /// <summary>Nodes are running or waiting.</summary>
    Running = 0,

    /// <summary>Every node succeeded.</summary>
    Succeeded = 1,

    /// <summary>A node failed.</summary>
    Failed = 2,

    /// <summary>Stopped by a command before it finished.</summary>
    Stopped = 3,
}

namespace Actors.Grains;

/// <summary>What an agent says about itself when it connects (and again on every reconnect).</summary>
[GenerateSerializer, Immutable, Alias("actors.agent-registration")]
public sealed record AgentRegistration
{
    /// <summary>Its unique name.</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>What it has (<c>linux</c>, <c>chrome</c>, ...).</summary>
    [Id(1)] public string[] Labels { get; init; } = [];

    /// <summary>The task types it runs (empty: any).</summary>
    [Id(2)] public string[] TaskTypes { get; init; } = [];

    /// <summary>Runs it takes at once.</summary>
    [Id(3)] public int MaxConcurrent { get; init; } = 1;

    /// <summary>Its version.</summary>
    [Id(4)] public string Version { get; init; } = "";

    /// <summary>On reconnect: the runs it is still executing.</summary>
    [Id(5)] public AgentLease[] Running { get; init; } = [];
}

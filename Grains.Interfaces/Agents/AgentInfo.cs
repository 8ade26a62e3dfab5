namespace Actors.Grains;

/// <summary>An agent as operators see it.</summary>
[GenerateSerializer, Immutable, Alias("actors.agent-info")]
public sealed record AgentInfo
{
    /// <summary>Its name.</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>Labels.</summary>
    [Id(1)] public string[] Labels { get; init; } = [];

    /// <summary>Task types (empty: any).</summary>
    [Id(2)] public string[] TaskTypes { get; init; } = [];

    /// <summary>Runs it takes at once.</summary>
    [Id(3)] public int MaxConcurrent { get; init; }

    /// <summary>Runs offered to it or running on it.</summary>
    [Id(4)] public string[] RunsInFlight { get; init; } = [];

    /// <summary>Connected and heard from within the heartbeat timeout.</summary>
    [Id(5)] public bool Online { get; init; }

    /// <summary>Takes no new runs.</summary>
    [Id(6)] public bool Draining { get; init; }

    /// <summary>Its last heartbeat (or any message).</summary>
    [Id(7)] public DateTimeOffset? LastHeartbeat { get; init; }

    /// <summary>When its current connection began.</summary>
    [Id(8)] public DateTimeOffset? ConnectedSince { get; init; }

    /// <summary>Its version.</summary>
    [Id(9)] public string Version { get; init; } = "";

    /// <summary>Runs waiting that it could take (its labels and task types match).</summary>
    [Id(10)] public int RunsWaiting { get; init; }
}

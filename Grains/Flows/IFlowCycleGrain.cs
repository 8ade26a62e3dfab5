namespace Actors.Grains.Flows;

/// <summary>
/// One cycle of one flow: the only writer of its state. It runs its nodes in the order of the graph,
/// passes outputs along edges, and survives the death of its silo (its reminder, or the flow's
/// trigger task waiting for it, activates it elsewhere and it goes on).
/// </summary>
[Alias("actors.IFlowCycleGrain")]
internal interface IFlowCycleGrain : IGrainWithStringKey
{
    /// <summary>Starts the cycle (nothing when it was started before).</summary>
    [Alias("start")]
    Task StartAsync(CycleStart start);

    /// <summary>The cycle with every node; null when it never started.</summary>
    [Alias("get"), AlwaysInterleave]
    Task<CycleInfo?> GetAsync();

    /// <summary>The cycle's summary once it has ended, or as it is after <paramref name="wait"/>; null when it never started.</summary>
    [Alias("await"), AlwaysInterleave]
    Task<CycleSummary?> AwaitAsync(TimeSpan wait);

    /// <summary>Stops one component (or, null, the whole cycle): running nodes are cancelled, waiting ones never run.</summary>
    [Alias("stop")]
    Task<FlowCommandResult> StopAsync(int? component, string reason);

    /// <summary>An attempt of a node ended (ignored unless it is the node's attempt in flight).</summary>
    [Alias("node-finished")]
    Task NodeFinishedAsync(string nodeId, int attempt, RunOutcome outcome, string? output, string? error);

    /// <summary>Removes the cycle's state (the flow no longer keeps it).</summary>
    [Alias("forget")]
    Task ForgetAsync();
}

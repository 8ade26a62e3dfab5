namespace Actors.Grains.Flows;

/// <summary>How the <c>flow</c> executor (a run of the flow's trigger task) starts a scheduled cycle.</summary>
[Alias("actors.IFlowTrigger")]
internal interface IFlowTrigger : IGrainWithStringKey
{
    /// <summary>
    /// Starts the cycle of the trigger task's run <paramref name="runId"/> (asked again for the same
    /// run: the same cycle) or says why none starts (the flow is stopped, or its previous cycle runs).
    /// </summary>
    [Alias("begin-scheduled")]
    Task<CycleTicket> BeginScheduledCycleAsync(string runId);
}

/// <summary>The cycle a trigger run waits for, or why there is none.</summary>
[GenerateSerializer, Immutable, Alias("actors.cycle-ticket")]
public sealed record CycleTicket(
    [property: Id(0)] string? CycleKey,
    [property: Id(1)] long Cycle,
    [property: Id(2)] string? SkipReason);

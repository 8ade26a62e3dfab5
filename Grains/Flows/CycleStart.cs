namespace Actors.Grains.Flows;

/// <summary>What a flow gives a cycle it starts.</summary>
[GenerateSerializer, Immutable, Alias("actors.cycle-start")]
public sealed record CycleStart(
    [property: Id(0)] string FlowId,
    [property: Id(1)] long Cycle,
    [property: Id(2)] CycleTrigger Trigger,
    [property: Id(3)] FlowDefinition Definition);

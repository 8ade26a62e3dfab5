using System.Text.Json;
using Actors.Grains.Execution;

namespace Actors.Grains.Flows;

/// <summary>
/// The executor of a flow's trigger task: a run starts the flow's next cycle and waits for its end,
/// so the task's schedule, windows, misfire and overlap rules and its recovery after a silo's death
/// are the flow's. Resumable: a trigger run picked up on another silo waits for the same cycle.
/// </summary>
public sealed class FlowExecutor(IGrainFactory grainFactory) : IResumableExecutor
{
    private static readonly TimeSpan PollWait = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public string Name => FlowDefinitionBuilder.FlowExecutorName;

    /// <inheritdoc />
    public PluginDescriptor Describe() => new()
    {
        Name = Name,
        PluginType = "executor",
        Description = "Runs a cycle of the flow named by kwargs.flow_id and waits for its end (the trigger task of a flow; created by POST /api/v1/flows/execute).",
    };

    /// <inheritdoc />
    public IReadOnlyList<FieldError> Validate(TaskSpec spec) =>
        FlowIdOf(spec) is null ? [new FieldError("kwargs.flow_id", "The flow executor needs kwargs.flow_id; flows create their trigger task themselves with POST /api/v1/flows/execute.")] : [];

    /// <inheritdoc />
    public async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        var flowId = FlowIdOf(request.Spec) ?? throw new InvalidOperationException("The task names no flow.");
        var ticket = await grainFactory.GetGrain<IFlowTrigger>("flow/" + flowId).BeginScheduledCycleAsync(request.RunId).WaitAsync(cancellationToken);
        if (ticket.SkipReason is { } reason)
        {
            return new ExecutionResult(false, null, reason) { Outcome = RunOutcome.Skipped };
        }

        var cycle = grainFactory.GetGrain<IFlowCycleGrain>(ticket.CycleKey ?? throw new InvalidOperationException("A ticket without a skip reason names its cycle."));
        while (true)
        {
            // Cancellation (the task deleted or paused with a run in flight) leaves the cycle running:
            // stopping a cycle is the flow's stop.
            var summary = await cycle.AwaitAsync(PollWait).WaitAsync(cancellationToken);
            var text = $"cycle {ticket.Cycle} {summary?.State.ToString().ToLowerInvariant() ?? "unknown"}";
            switch (summary?.State)
            {
                case CycleState.Running:
                    continue;
                case CycleState.Failed:
                    return ExecutionResult.Failure($"Cycle {ticket.Cycle} failed.", text);
                default:
                    return ExecutionResult.Success(text);
            }
        }
    }

    private static string? FlowIdOf(TaskSpec spec)
    {
        using var kwargs = JsonDocument.Parse(spec.KwargsJson);
        return kwargs.RootElement.ValueKind == JsonValueKind.Object && kwargs.RootElement.TryGetProperty("flow_id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
    }
}

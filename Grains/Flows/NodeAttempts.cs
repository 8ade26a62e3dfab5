using System.Text.Json.Nodes;
using Actors.Grains.Execution;
using Actors.Grains.Tasks.Stored;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Flows;

/// <summary>
/// A cycle's node attempts outside its grain's turn: what the executor is given, running it on the
/// thread pool and delivering its end back to the cycle (retried until taken), and its run-history record.
/// </summary>
internal sealed partial class NodeAttempts(FlowServices services, ILogger logger)
{
    /// <summary>
    /// The executor's request for the node's attempt in flight: its spec with the payload
    /// <c>{flow_id, cycle, node_id, run_id, inputs, config}</c> as kwargs, and room for a 64 KB output.
    /// </summary>
    public static ExecutionRequest Request(FlowCycleState state, FlowNodeDef node)
    {
        var runId = FlowServices.RunId(state.FlowId, state.Cycle, node.Id);
        var inputs = NodeData.Inputs(state.Definition, node.Id, id => state.Nodes[id].OutputJson).ToJsonString();
        var payload = new JsonObject
        {
            ["flow_id"] = state.FlowId, ["cycle"] = state.Cycle, ["node_id"] = node.Id, ["run_id"] = runId,
            ["inputs"] = JsonNode.Parse(inputs), ["config"] = JsonNode.Parse(node.ConfigJson),
        };
        var spec = node.Spec.ToWire() with { KwargsJson = payload.ToJsonString() };
        return new ExecutionRequest(FlowServices.RunKey(state.FlowId), runId, state.Cycle, state.Nodes[node.Id].Attempts, state.StartedAt, spec)
        {
            OutputLimit = FlowCycleRules.MaxOutputChars + 1,
            Node = new FlowNodeContext(state.FlowId, state.Cycle, node.Id, node.ConfigJson, inputs),
        };
    }

    /// <summary>Runs the attempt on the thread pool; its end is delivered to <paramref name="cycle"/>. Cancelling it reports nothing.</summary>
    public void Start(IFlowCycleGrain cycle, ExecutionRequest request, TimeSpan budget, CancellationToken cancellationToken)
    {
        services.LocalAttempts.Started(request.RunId, request.Attempt);
        _ = Task.Run(() => RunAsync(cycle, request, budget, cancellationToken), CancellationToken.None);
    }

    /// <summary>Posts the attempt's record to the run history (the cycle's state is its durable outcome).</summary>
    public void Record(FlowCycleState state, FlowNodeDef node, int attempt, RunOutcome outcome, string? output, string? error)
    {
        var run = new StoredRun
        {
            RunId = FlowServices.RunId(state.FlowId, state.Cycle, node.Id), Round = state.Cycle, Attempt = attempt, ScheduledAt = state.StartedAt,
            StartedAt = state.Nodes[node.Id].StartedAt ?? state.StartedAt, FinishedAt = services.Now, Outcome = outcome,
            Output = output is { Length: > AttemptRunner.MaxOutputChars } ? output[..AttemptRunner.MaxOutputChars] : output, Error = error, Silo = services.Host,
            Trigger = attempt > 1 ? RunTrigger.Retry : state.Trigger == CycleTrigger.Scheduled ? RunTrigger.Schedule : RunTrigger.Manual,
        };
        _ = services.History.WriteAsync(FlowServices.RunKey(state.FlowId), FlowDefinitionBuilder.AccountOf(state.FlowId), [run])
            .ContinueWith(t => LogHistoryFailed(run.RunId, t.Exception!.GetBaseException().Message), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    private async Task RunAsync(IFlowCycleGrain cycle, ExecutionRequest request, TimeSpan budget, CancellationToken cancellationToken)
    {
        try
        {
            var result = await services.Runner.RunAsync(request, budget, cancellationToken);
            for (var delay = TimeSpan.FromMilliseconds(200); ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks)))
            {
                try
                {
                    await cycle.NodeFinishedAsync(request.Node!.NodeId, request.Attempt, result.Outcome, result.Output, result.Error);
                    return;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
                {
                    LogDeliveryFailed(request.RunId, request.Attempt, ex.GetBaseException().Message);
                    await Task.Delay(delay, services.Clock, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the node is already marked.
        }
        finally
        {
            services.LocalAttempts.Done(request.RunId, request.Attempt);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver the end of {RunId} attempt {Attempt} to its cycle ({Reason}); retrying")]
    private partial void LogDeliveryFailed(string runId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record {RunId} in the run history ({Reason}); the cycle keeps the node's outcome")]
    private partial void LogHistoryFailed(string runId, string reason);
}

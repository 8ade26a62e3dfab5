using Actors.Grains.Execution;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Actors.Grains.Flows;

/// <summary>
/// One cycle: it alone writes its state. A node's attempt is durable (stored <c>running</c>) before
/// its executor starts; it runs off the grain's turn and reports back as a message, so the cycle
/// answers while nodes run. The decisions are <see cref="FlowCycleRules"/> and <see cref="NodeData"/>.
/// A reminder, held while the cycle runs, brings it back on another silo if its silo dies: an
/// attempt lost with its silo is tried again (an agent's attempt is waited for again instead).
/// </summary>
[GrainType("flow-cycle")]
internal sealed partial class FlowCycleGrain(
    [PersistentState("cycle", StorageNames.Default)] IPersistentState<FlowCycleState> store,
    FlowServices services,
    ILogger<FlowCycleGrain> logger) : Grain, IFlowCycleGrain, IRemindable
{
    private const string ReminderName = "cycle";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, CancellationTokenSource> _attempts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IGrainTimer> _retries = new(StringComparer.Ordinal);
    private readonly List<IGrainTimer> _firedRetries = [];
    private readonly NodeAttempts _nodeAttempts = new(services, logger);
    private TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FlowCycleState State => store.State;

    private FlowDefinition Definition => State.Definition;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!State.Exists || State.State != CycleState.Running)
        {
            return;
        }

        // Back after a crash or a deactivation: attempts that are not executing here any more were
        // lost with their silo, except an agent's, which goes on on its agent and is waited for again.
        var resume = new List<string>();
        foreach (var node in Definition.Nodes.Where(n => State.Nodes[n.Id].State == NodeState.Running))
        {
            var progress = State.Nodes[node.Id];
            if (services.LocalAttempts.Contains(RunId(node.Id), progress.Attempts))
            {
                continue;
            }

            if (services.Executors.Find(node.Spec.Execution.Executor) is IResumableExecutor)
            {
                resume.Add(node.Id);
            }
            else
            {
                State.Nodes[node.Id] = FlowCycleRules.Finish(progress, RunOutcome.Abandoned, null, "The silo running the attempt died.", node.Spec.Execution.MaxRetries, node.Spec.Execution.RetryBackoffSeconds, services.Now, Random.Shared);
                _nodeAttempts.Record(State, node, progress.Attempts, RunOutcome.Abandoned, null, "The silo running the attempt died.");
            }
        }

        await AdvanceAsync();
        foreach (var nodeId in resume)
        {
            Launch(nodeId);
        }
    }

    public async Task StartAsync(CycleStart start)
    {
        if (State.Exists)
        {
            return;
        }

        State.Exists = true;
        State.FlowId = start.FlowId;
        State.Cycle = start.Cycle;
        State.Trigger = start.Trigger;
        State.StartedAt = services.Now;
        State.Definition = start.Definition;
        State.Nodes = start.Definition.Nodes.ToDictionary(n => n.Id, _ => new NodeProgress(), StringComparer.Ordinal);
        try
        {
            await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
            await AdvanceAsync();
        }
        catch
        {
            // Nothing started: asked again, the cycle starts from the beginning.
            State.Exists = false;
            throw;
        }
    }

    public Task<CycleInfo?> GetAsync() => Task.FromResult(State.Exists ? Info() : null);

    public async Task<CycleSummary?> AwaitAsync(TimeSpan wait)
    {
        if (State.Exists && State.State == CycleState.Running)
        {
            await Task.WhenAny(_ended.Task, Task.Delay(wait, services.Clock));
        }

        return State.Exists ? Summary() : null;
    }

    public async Task<FlowCommandResult> StopAsync(int? component, string reason)
    {
        if (component is { } c && (c < 0 || c >= Definition.ComponentCount))
        {
            return FlowCommandResult.NotFound($"Cycle {State.Cycle} of flow '{State.FlowId}' has no component {c}; its components are 0 to {Definition.ComponentCount - 1}.");
        }

        var current = component is { } one ? FlowCycleRules.ComponentState(Definition, State.Nodes, one, State.StoppedComponents.Contains(one)) : State.State;
        if (current != CycleState.Running)
        {
            var what = component is { } n ? $"Component {n} of cycle {State.Cycle}" : $"Cycle {State.Cycle}";
            return FlowCommandResult.Conflict($"{what} of flow '{State.FlowId}' already ended {current.ToString().ToLowerInvariant()}; there is nothing to stop.");
        }

        foreach (var nodeId in FlowCycleRules.Stop(Definition, State.Nodes, component, reason, services.Now))
        {
            if (_attempts.Remove(nodeId, out var attempt))
            {
                await attempt.CancelAsync();
            }
        }

        if (component is { } stopped)
        {
            State.StoppedComponents.Add(stopped);
        }
        else
        {
            State.Stopped = true;
        }

        await AdvanceAsync();
        return FlowCommandResult.Ok(component is { } s ? $"Component {s} of cycle {State.Cycle} is stopped." : $"Cycle {State.Cycle} is stopped.", cycle: State.Cycle);
    }

    public async Task NodeFinishedAsync(string nodeId, int attempt, RunOutcome outcome, string? output, string? error)
    {
        if (!State.Exists || Definition.Find(nodeId) is not { } node || State.Nodes[nodeId] is not { State: NodeState.Running } progress || progress.Attempts != attempt)
        {
            return;
        }

        _attempts.Remove(nodeId);
        var json = outcome == RunOutcome.Succeeded ? NodeData.Output(node.Spec.Execution.Executor, node.ConfigJson, output) : null;
        var execution = node.Spec.Execution;
        State.Nodes[nodeId] = FlowCycleRules.Finish(progress, outcome, json, error, execution.MaxRetries, execution.RetryBackoffSeconds, services.Now, Random.Shared);
        _nodeAttempts.Record(State, node, attempt, State.Nodes[nodeId].State == NodeState.Failed && outcome == RunOutcome.Succeeded ? RunOutcome.Failed : outcome, output, State.Nodes[nodeId].Error ?? error);
        await AdvanceAsync();
    }

    public async Task ForgetAsync()
    {
        foreach (var attempt in _attempts.Values)
        {
            await attempt.CancelAsync();
        }

        _attempts.Clear();
        await UnregisterReminderAsync();
        await store.ClearStateAsync();
        DeactivateOnIdle();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        State.Exists && State.State == CycleState.Running ? Task.CompletedTask : UnregisterReminderAsync();

    /// <summary>
    /// Marks what can no longer run, starts what can, and stores the result before any new attempt
    /// starts; when every component has ended, the cycle ends.
    /// </summary>
    private async Task AdvanceAsync()
    {
        _firedRetries.ForEach(t => t.Dispose());
        _firedRetries.Clear();
        var now = services.Now;
        var ready = FlowCycleRules.Settle(Definition, State.Nodes, now);
        foreach (var nodeId in ready)
        {
            State.Nodes[nodeId] = FlowCycleRules.Start(State.Nodes[nodeId], now);
        }

        var components = Enumerable.Range(0, Definition.ComponentCount).Select(ComponentState).ToList();
        State.State = FlowCycleRules.CycleStateOf(components, State.Stopped);
        State.FinishedAt = State.State == CycleState.Running ? null : now;
        await WriteAsync();
        foreach (var nodeId in ready)
        {
            Launch(nodeId);
        }

        ArmRetries();
        if (State.State != CycleState.Running)
        {
            LogEnded(State.FlowId, State.Cycle, State.State);
            services.Metrics.CycleEnded(State.State);
            await UnregisterReminderAsync();
            _ended.TrySetResult();
        }
    }

    /// <summary>
    /// Stores the state. When that fails, what is in memory may be ahead of storage, so the activation
    /// goes and the next call starts from what is stored (a node's result is delivered again).
    /// </summary>
    private async Task WriteAsync()
    {
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private void ArmRetries()
    {
        foreach (var (nodeId, progress) in State.Nodes)
        {
            if (progress is { State: NodeState.Pending, RetryAt: { } due } && !_retries.ContainsKey(nodeId))
            {
                var delay = due - services.Now;
                _retries[nodeId] = this.RegisterGrainTimer(RetryAsync, nodeId, new GrainTimerCreationOptions(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
            }
        }
    }

    private async Task RetryAsync(string nodeId, CancellationToken cancellationToken)
    {
        // The one-shot timer is disposed in a later turn (disposing it in its own would cancel this turn).
        if (_retries.Remove(nodeId, out var timer))
        {
            _firedRetries.Add(timer);
        }

        if (State.Nodes.GetValueOrDefault(nodeId) is not { State: NodeState.Pending, RetryAt: not null } progress)
        {
            return;
        }

        State.Nodes[nodeId] = FlowCycleRules.Start(progress, services.Now);
        await WriteAsync();
        Launch(nodeId);
    }

    /// <summary>Starts the node's attempt in flight on the thread pool; its end comes back as <see cref="NodeFinishedAsync"/>.</summary>
    private void Launch(string nodeId)
    {
        var request = NodeAttempts.Request(State, Definition.Find(nodeId)!);
        var budget = AttemptBudget.Of(request.Spec.Execution);
        var cancellation = new CancellationTokenSource();
        _attempts[nodeId] = cancellation;
        DelayDeactivation(budget + TimeSpan.FromMinutes(1));
        _nodeAttempts.Start(this.AsReference<IFlowCycleGrain>(), request, budget, cancellation.Token);
    }

    private async Task UnregisterReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private CycleState ComponentState(int component) =>
        FlowCycleRules.ComponentState(Definition, State.Nodes, component, State.Stopped || State.StoppedComponents.Contains(component));

    private string RunId(string nodeId) => FlowServices.RunId(State.FlowId, State.Cycle, nodeId);

    private CycleSummary Summary() => new()
    {
        Cycle = State.Cycle, State = State.State, Trigger = State.Trigger, StartedAt = State.StartedAt, FinishedAt = State.FinishedAt,
        NodeCounts = State.Nodes.Values.GroupBy(n => n.State).ToDictionary(g => g.Key, g => g.Count()),
    };

    private CycleInfo Info() => new()
    {
        FlowId = State.FlowId,
        Summary = Summary(),
        Components = [.. Definition.Components().Select(c => c with { State = ComponentState(c.Component) })],
        Nodes = [.. Definition.Nodes.Select(n => State.Nodes[n.Id] is var p ? new NodeRunInfo
        {
            NodeId = n.Id, Type = n.Type, Component = n.Component, State = p.State, Attempts = p.Attempts, RunId = RunId(n.Id),
            StartedAt = p.StartedAt, FinishedAt = p.FinishedAt, OutputJson = p.OutputJson, Error = p.Error, FlowId = State.FlowId, Cycle = State.Cycle,
        } : null!)],
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cycle {Cycle} of flow {FlowId} ended {State}")]
    private partial void LogEnded(string flowId, long cycle, CycleState state);
}

using Actors.Grains.Execution;

namespace Actors.Grains.Flows;

/// <summary>
/// The cycle state machine, pure. A node runs when all its upstream nodes succeeded (or, with
/// <c>trigger: all_done</c>, finished in any state). A node that fails marks every node depending on
/// it <c>upstream_failed</c>, and its component starts nothing new (its other waiting nodes are
/// <c>skipped</c>; <c>all_done</c> nodes still run); other components go on.
/// </summary>
public static class FlowCycleRules
{
    /// <summary>Attempts lost with their silo that are tried again before the node fails.</summary>
    public const int MaxAbandoned = 3;

    /// <summary>The largest output a node may produce, in characters.</summary>
    public const int MaxOutputChars = 64 * 1024;

    /// <summary>
    /// Marks what can no longer run (<c>upstream_failed</c>, <c>skipped</c>) until nothing changes, then
    /// returns the nodes to start now, in definition order.
    /// </summary>
    public static List<string> Settle(FlowDefinition definition, Dictionary<string, NodeProgress> nodes, DateTimeOffset now)
    {
        var upstream = FlowGraph.Upstream(definition);
        bool changed;
        do
        {
            changed = false;
            var failing = definition.Nodes.Where(n => nodes[n.Id].State == NodeState.Failed).Select(n => n.Component).ToHashSet();
            foreach (var node in definition.Nodes.Where(n => nodes[n.Id].NotStarted && !n.AllDone))
            {
                var blocked = upstream[node.Id].Any(u => nodes[u].IsFinal && nodes[u].State != NodeState.Succeeded);
                var state = blocked ? NodeState.UpstreamFailed : failing.Contains(node.Component) ? NodeState.Skipped : (NodeState?)null;
                if (state is { } final)
                {
                    var reason = final == NodeState.UpstreamFailed
                        ? $"Not run: upstream {string.Join(", ", upstream[node.Id].Where(u => nodes[u].IsFinal && nodes[u].State != NodeState.Succeeded))} did not succeed."
                        : "Not run: a node of its component failed (fail fast).";
                    nodes[node.Id] = nodes[node.Id] with { State = final, FinishedAt = now, Error = reason };
                    changed = true;
                }
            }
        }
        while (changed);

        return [.. definition.Nodes.Where(n => nodes[n.Id].NotStarted && upstream[n.Id].All(u => n.AllDone ? nodes[u].IsFinal : nodes[u].State == NodeState.Succeeded)).Select(n => n.Id)];
    }

    /// <summary>A node's new attempt starts.</summary>
    public static NodeProgress Start(NodeProgress node, DateTimeOffset now) =>
        node with { State = NodeState.Running, Attempts = node.Attempts + 1, StartedAt = node.StartedAt ?? now, RetryAt = null };

    /// <summary>
    /// What follows an attempt's end: success (unless its output is too big), a retry after backoff
    /// while retries remain, another attempt at once for one lost with its silo, or failure.
    /// </summary>
    public static NodeProgress Finish(NodeProgress node, RunOutcome outcome, string? output, string? error, int maxRetries, double backoffSeconds, DateTimeOffset now, Random random)
    {
        if (outcome == RunOutcome.Succeeded)
        {
            if (output is { Length: > MaxOutputChars })
            {
                return node with { State = NodeState.Failed, FinishedAt = now, Error = $"The node's output is larger than 64 KB ({MaxOutputChars:N0} characters); return less, or store it elsewhere and pass a reference." };
            }

            return node with { State = NodeState.Succeeded, FinishedAt = now, OutputJson = output, Error = null };
        }

        if (outcome == RunOutcome.Abandoned && node.Abandoned < MaxAbandoned)
        {
            return node with { State = NodeState.Pending, Abandoned = node.Abandoned + 1, RetryAt = now, Error = error };
        }

        var retriesUsed = node.Attempts - 1 - node.Abandoned;
        if (retriesUsed < maxRetries)
        {
            return node with { State = NodeState.Pending, RetryAt = now + RetryBackoff.DelayBefore(retriesUsed + 2, backoffSeconds, random), Error = error };
        }

        return node with { State = NodeState.Failed, FinishedAt = now, Error = error ?? outcome.ToString() };
    }

    /// <summary>Stops the nodes not yet final: running ones are cancelled by the caller.</summary>
    public static List<string> Stop(FlowDefinition definition, Dictionary<string, NodeProgress> nodes, int? component, string reason, DateTimeOffset now)
    {
        var running = new List<string>();
        foreach (var node in definition.Nodes.Where(n => (component is null || n.Component == component) && !nodes[n.Id].IsFinal))
        {
            if (nodes[node.Id].State == NodeState.Running)
            {
                running.Add(node.Id);
            }

            nodes[node.Id] = nodes[node.Id] with { State = NodeState.Stopped, FinishedAt = now, RetryAt = null, Error = reason };
        }

        return running;
    }

    /// <summary>A component's state: running until every node is final; then stopped, failed or succeeded.</summary>
    public static CycleState ComponentState(FlowDefinition definition, IReadOnlyDictionary<string, NodeProgress> nodes, int component, bool stopped)
    {
        var states = definition.Nodes.Where(n => n.Component == component).Select(n => nodes[n.Id]).ToList();
        if (states.Exists(n => !n.IsFinal))
        {
            return CycleState.Running;
        }

        return stopped ? CycleState.Stopped
            : states.Exists(n => n.State is NodeState.Failed or NodeState.UpstreamFailed or NodeState.Skipped) ? CycleState.Failed
            : states.Exists(n => n.State == NodeState.Stopped) ? CycleState.Stopped
            : CycleState.Succeeded;
    }

    /// <summary>A cycle's state from its components': running while one runs; then stopped, failed or succeeded.</summary>
    public static CycleState CycleStateOf(IReadOnlyCollection<CycleState> components, bool stopped) =>
        components.Any(c => c == CycleState.Running) ? CycleState.Running
        : stopped ? CycleState.Stopped
        : components.Any(c => c == CycleState.Failed) ? CycleState.Failed
        : components.Any(c => c == CycleState.Stopped) ? CycleState.Stopped
        : CycleState.Succeeded;
}

namespace Actors.Grains.Agents;

/// <summary>
/// Decides, purely, which waiting runs go to which agents: by priority (high, normal, low), oldest
/// first within a priority, each to a matching agent with free capacity (the one with the most free
/// slots, then by name), never beyond an agent's <c>max_concurrent</c>. A run no agent matches waits
/// and does not hold back the runs behind it.
/// </summary>
public static class AgentDispatch
{
    /// <summary>The labels a run needs: the task's required labels and its <c>sys_type</c>, when set.</summary>
    public static IReadOnlyList<string> RequiredLabels(IEnumerable<string> labels, string? sysType) =>
        [.. labels.Append(sysType ?? "").Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="agent"/> may run <paramref name="run"/> (capacity aside).</summary>
    public static bool Matches(WaitingRun run, AgentSlot agent) =>
        agent.Available
        && run.Labels.All(agent.Labels.Contains)
        && (agent.TaskTypes.Count == 0 || agent.TaskTypes.Contains(run.TaskType));

    /// <summary>The order waiting runs are offered in.</summary>
    public static IEnumerable<WaitingRun> InOrder(IEnumerable<WaitingRun> waiting) =>
        waiting.OrderBy(r => r.Priority).ThenBy(r => r.EnqueuedAt).ThenBy(r => r.RunId, StringComparer.Ordinal).ThenBy(r => r.Attempt);

    /// <summary>Offers as many waiting runs as the agents' free capacity allows.</summary>
    public static IReadOnlyList<AgentAssignment> Assign(IEnumerable<WaitingRun> waiting, IEnumerable<AgentSlot> agents)
    {
        var free = agents.Where(a => a.Free > 0).ToDictionary(a => a.Name, a => (Agent: a, Free: a.Free), StringComparer.Ordinal);
        var assignments = new List<AgentAssignment>();
        foreach (var run in InOrder(waiting))
        {
            if (free.Count == 0)
            {
                break;
            }

            var best = free.Values.Where(f => Matches(run, f.Agent))
                .OrderByDescending(f => f.Free).ThenBy(f => f.Agent.Name, StringComparer.Ordinal)
                .Select(f => f.Agent).FirstOrDefault();
            if (best is null)
            {
                continue;
            }

            assignments.Add(new AgentAssignment(run, best.Name));
            var left = free[best.Name].Free - 1;
            if (left == 0)
            {
                free.Remove(best.Name);
            }
            else
            {
                free[best.Name] = (best, left);
            }
        }

        return assignments;
    }

    /// <summary>Whether a run has waited past its queue timeout.</summary>
    public static bool QueueTimedOut(WaitingRun run, TimeSpan queueTimeout, DateTimeOffset now) => now - run.EnqueuedAt >= queueTimeout;

    /// <summary>Why a run that waited too long ended <c>timed_out</c>.</summary>
    public static string NoAgentReason(WaitingRun run) =>
        $"no agent with labels [{string.Join(", ", run.Labels)}] was available (task type '{run.TaskType}')";
}

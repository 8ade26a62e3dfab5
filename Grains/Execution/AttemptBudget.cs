namespace Actors.Grains.Execution;

/// <summary>How long one attempt may take in all: its timeout, and for the <c>agent</c> executor also its wait for an agent.</summary>
public static class AttemptBudget
{
    /// <summary>Room for the agent's own timeout to fire and its result to arrive before the attempt is given up.</summary>
    public static readonly TimeSpan AgentSlack = TimeSpan.FromSeconds(10);

    /// <summary>The attempt's budget.</summary>
    public static TimeSpan Of(ExecutionSpec execution) =>
        TimeSpan.FromSeconds(execution.TimeoutSeconds)
        + (string.Equals(execution.Executor, Agents.AgentExecutor.ExecutorName, StringComparison.OrdinalIgnoreCase)
            ? TimeSpan.FromSeconds(execution.QueueTimeoutSeconds) + AgentSlack
            : TimeSpan.Zero);
}

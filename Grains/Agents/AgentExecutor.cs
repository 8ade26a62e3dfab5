using Actors.Grains.Execution;

namespace Actors.Grains.Agents;

/// <summary>
/// Runs an attempt on a remote agent: hands it to the agent hub and waits for its end. The agent
/// enforces the task's timeout on the process; the hub ends the attempt <c>timed_out</c> when no
/// agent took it within its queue timeout, and <c>abandoned</c> when its agent was lost. When the
/// hub does not know the attempt (its activation was lost) it is queued again.
/// </summary>
public sealed class AgentExecutor(IGrainFactory grainFactory, TimeProvider clock) : IResumableExecutor
{
    /// <summary>The executor's name.</summary>
    public const string ExecutorName = "agent";

    /// <summary>How long one wait at the hub lasts: well inside any grain call's response timeout.</summary>
    private static readonly TimeSpan PollWait = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public string Name => ExecutorName;

    /// <inheritdoc />
    public PluginDescriptor Describe() => new()
    {
        Name = Name,
        PluginType = "executor",
        Description = "Runs agent.command on a connected agent whose labels include agent.labels (and sys_type) and that accepts the task_type; exit code 0 succeeds.",
    };

    /// <inheritdoc />
    public IReadOnlyList<FieldError> Validate(TaskSpec spec)
    {
        var agent = spec.Execution.Agent;
        var errors = new List<FieldError>();
        if (agent is null || agent.Command.Length == 0 || string.IsNullOrWhiteSpace(agent.Command[0]) || (agent.Command is ["sh", "-c", var shell] && string.IsNullOrWhiteSpace(shell)))
        {
            errors.Add(new FieldError("agent.command", "The agent executor needs agent.command: an array such as [\"python3\", \"job.py\"] or one shell string such as \"./job.sh --fast\"."));
        }

        if (agent?.Labels.FirstOrDefault(l => string.IsNullOrWhiteSpace(l) || l.Any(char.IsWhiteSpace)) is { } bad)
        {
            errors.Add(new FieldError("agent.labels", $"Each of agent.labels is a word without spaces; got '{bad}'."));
        }

        return errors;
    }

    /// <inheritdoc />
    public async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        var spec = request.Spec;
        var target = spec.Execution.Agent ?? new AgentTarget();
        var work = new AgentWork
        {
            TaskId = request.TaskId,
            RunId = request.RunId,
            Round = request.Round,
            Attempt = request.Attempt,
            Labels = [.. AgentDispatch.RequiredLabels(target.Labels, spec.SysType)],
            TaskType = spec.TaskType,
            Priority = spec.Priority,
            Command = target.Command,
            Env = target.Env,
            WorkingDir = target.WorkingDir,
            PayloadJson = spec.KwargsJson,
            TimeoutSeconds = spec.Execution.TimeoutSeconds,
            QueueTimeoutSeconds = spec.Execution.QueueTimeoutSeconds,
            EnqueuedAt = clock.GetUtcNow(),
        };
        var hub = grainFactory.GetAgentHubGrain();
        try
        {
            await hub.EnqueueAsync(work);
            while (true)
            {
                var status = await hub.AwaitAsync(work.RunId, work.Attempt, PollWait).WaitAsync(cancellationToken);
                switch (status.State)
                {
                    case AgentRunState.Finished:
                        // A flow node's output is the JSON its process printed last on standard output (its log lines on stderr aside).
                        var output = request.Node is not null && Flows.NodeData.IsJson(status.Result) ? status.Result : status.Output;
                        return new ExecutionResult(status.Outcome == RunOutcome.Succeeded, output, status.Error) { Outcome = status.Outcome };
                    case AgentRunState.Unknown:
                        await hub.EnqueueAsync(work);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The attempt's time is up or the task gave it up: the agent kills the process.
            await hub.CancelAsync(work.RunId, work.Attempt, "the attempt's time ran out or the task gave it up");
            throw;
        }
    }
}

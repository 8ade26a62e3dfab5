using Microsoft.Extensions.Logging;

namespace Actors.Grains.Execution;

/// <summary>Records the run in the log.</summary>
public sealed class LogExecutor(ILogger<LogExecutor> logger) : IExecutor
{
    /// <inheritdoc />
    public string Name => "log";

    /// <inheritdoc />
    public PluginDescriptor Describe() => new() { Name = Name, PluginType = "executor", Description = "Records the run; its output is the task's kwargs." };

    /// <inheritdoc />
    public IReadOnlyList<FieldError> Validate(TaskSpec spec) => [];

    /// <inheritdoc />
    public Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        // Debug: at thousands of runs a second an Information line per run would flood the log; the
        // run history has every run, with the kwargs as its output.
        logger.LogDebug("Run {RunId} of task {TaskId}", request.RunId, request.TaskId);
        return Task.FromResult(ExecutionResult.Success(request.Spec.KwargsJson));
    }
}

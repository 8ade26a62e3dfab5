using Microsoft.Extensions.Logging;

namespace Actors.Grains.Execution;

/// <summary>Records the run in the log.</summary>
public sealed class LogExecutor(ILogger<LogExecutor> logger) : IExecutor
{
    /// <inheritdoc />
    public string Name => "log";

    /// <inheritdoc />
    public PluginDescriptor Describe() => new() { Name = Name, PluginType = "executor", Description = "Logs the run." };

    /// <inheritdoc />
    public IReadOnlyList<FieldError> Validate(TaskSpec spec) => [];

    /// <inheritdoc />
    public Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        logger.LogInformation("Run {RunId} of task {TaskId}", request.RunId, request.TaskId);
        return Task.FromResult(ExecutionResult.Success($"logged {request.RunId}"));
    }
}

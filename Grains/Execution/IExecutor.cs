namespace Actors.Grains.Execution;

/// <summary>A plugin that performs one attempt of a run. Adding one is this class and one registration.</summary>
public interface IExecutor
{
    /// <summary>The name tasks use in <c>executor</c>.</summary>
    string Name { get; }

    /// <summary>Name, description and options, for <c>GET /api/v1/plugins</c>.</summary>
    PluginDescriptor Describe();

    /// <summary>
    /// Problems with a task's spec for this executor (e.g. a missing URL); empty when fine. Asked for every
    /// create request, also one with other invalid fields, so that every problem is reported at once.
    /// </summary>
    IReadOnlyList<FieldError> Validate(TaskSpec spec);

    /// <summary>Performs the attempt. Throwing means failure; cancellation means the timeout passed.</summary>
    Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken);
}

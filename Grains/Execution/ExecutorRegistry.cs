namespace Actors.Grains.Execution;

/// <summary>The executors registered in this silo, by name.</summary>
public sealed class ExecutorRegistry(IEnumerable<IExecutor> executors)
{
    private readonly Dictionary<string, IExecutor> _byName = executors.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>All executors, by name.</summary>
    public IReadOnlyCollection<IExecutor> All => _byName.Values;

    /// <summary>The executor with this name, or null.</summary>
    public IExecutor? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>What the spec's executor finds wrong with it, or that no executor of that name is registered.</summary>
    public IReadOnlyList<FieldError> Validate(TaskSpec spec)
    {
        if (Find(spec.Execution.Executor) is { } executor)
        {
            return executor.Validate(spec);
        }

        var known = string.Join(", ", _byName.Keys.Order(StringComparer.Ordinal));
        return [new FieldError("executor", $"No executor named '{spec.Execution.Executor}' is registered; use one of: {known}.")];
    }
}

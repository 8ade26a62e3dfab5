namespace Actors.Grains.Execution;

/// <summary>The executors registered in this silo, by name.</summary>
public sealed class ExecutorRegistry(IEnumerable<IExecutor> executors)
{
    private readonly Dictionary<string, IExecutor> _byName = executors.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>All executors, by name.</summary>
    public IReadOnlyCollection<IExecutor> All => _byName.Values;

    /// <summary>The executor with this name, or null.</summary>
    public IExecutor? Find(string name) => _byName.GetValueOrDefault(name);
}

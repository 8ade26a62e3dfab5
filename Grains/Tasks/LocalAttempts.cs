using System.Collections.Concurrent;

namespace Actors.Grains.Tasks;

/// <summary>
/// The attempts executing in this process, from the moment they start until their task grain has
/// taken the result. A task grain that finds its attempt in flight on this very silo but not here
/// knows the attempt is gone; a stopping silo waits for this to empty before it goes.
/// </summary>
public sealed class LocalAttempts
{
    private readonly ConcurrentDictionary<(string RunId, int Attempt), byte> _running = new();

    /// <summary>How many are executing or still reporting.</summary>
    public int Count => _running.Count;

    /// <summary>Whether this attempt is executing here or still reporting its result.</summary>
    public bool Contains(string runId, int attempt) => _running.ContainsKey((runId, attempt));

    /// <summary>An attempt started here.</summary>
    public void Started(string runId, int attempt) => _running.TryAdd((runId, attempt), 0);

    /// <summary>Its grain has the result (or the attempt was cancelled).</summary>
    public void Done(string runId, int attempt) => _running.TryRemove((runId, attempt), out _);
}

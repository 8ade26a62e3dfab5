namespace Actors.Grains.Execution;

/// <summary>Runs one attempt with its timeout and turns every ending into an <see cref="AttemptResult"/>.</summary>
public sealed class AttemptRunner(ExecutorRegistry registry, TimeProvider timeProvider)
{
    /// <summary>Output kept per run.</summary>
    public const int MaxOutputChars = 4096;

    private readonly ExecutorRegistry _registry = registry;
    private readonly TimeProvider _timeProvider = timeProvider;

    /// <summary>The registry (skeleton: keeps the build honest until the body lands).</summary>
    internal ExecutorRegistry Registry => _registry;

    /// <summary>The clock.</summary>
    internal TimeProvider Clock => _timeProvider;

    /// <summary>
    /// Runs the attempt on the thread pool (never on a grain scheduler) and never throws except for
    /// <paramref name="cancellationToken"/> (the caller abandoning the attempt).
    /// </summary>
    public Task<AttemptResult> RunAsync(ExecutionRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        throw new NotSupportedException("skeleton");
}

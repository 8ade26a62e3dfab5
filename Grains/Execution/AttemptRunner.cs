namespace Actors.Grains.Execution;

/// <summary>Runs one attempt with its timeout and turns every ending into an <see cref="AttemptResult"/>.</summary>
public sealed class AttemptRunner(ExecutorRegistry registry, TimeProvider timeProvider, Health.RunMeter? meter = null, Health.ActorsMetrics? metrics = null)
{
    /// <summary>Output kept per run.</summary>
    public const int MaxOutputChars = 4096;

    private readonly ExecutorRegistry _registry = registry;
    private readonly TimeProvider _timeProvider = timeProvider;

    /// <summary>
    /// Runs the attempt on the thread pool (never on a grain scheduler) and never throws except for
    /// <paramref name="cancellationToken"/> (the caller abandoning the attempt).
    /// </summary>
    public Task<AttemptResult> RunAsync(ExecutionRequest request, TimeSpan timeout, CancellationToken cancellationToken) => Task.Run(async () =>
    {
        var executor = _registry.Find(request.Spec.Execution.Executor);
        if (executor is null)
        {
            var known = string.Join(", ", _registry.All.Select(e => e.Name).Order(StringComparer.Ordinal));
            return new AttemptResult(RunOutcome.Failed, null, $"No executor named '{request.Spec.Execution.Executor}' is registered; known: {known}.");
        }

        if (request is { Attempt: 1, Node: null })
        {
            metrics?.Late(_timeProvider.GetUtcNow() - request.ScheduledAt);
        }

        metrics?.Started(executor.Name);
        var ended = RunOutcome.Abandoned; // cancelled by the caller: the attempt is given up
        try
        {
            var result = await ExecuteAsync(executor, request, timeout, cancellationToken);
            ended = result.Outcome;
            return result;
        }
        finally
        {
            meter?.Count();
            metrics?.Ended(executor.Name, ended);
        }
    }, cancellationToken);

    private async Task<AttemptResult> ExecuteAsync(IExecutor executor, ExecutionRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            var result = await executor.ExecuteAsync(request, linked.Token);
            return new AttemptResult(result.Outcome ?? (result.Succeeded ? RunOutcome.Succeeded : RunOutcome.Failed), Truncate(result.Output, request.OutputLimit), Truncate(result.Error));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptResult(RunOutcome.TimedOut, null, $"Timed out after {timeout.TotalSeconds:0.###} s.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new AttemptResult(RunOutcome.Failed, null, Truncate($"{ex.GetType().Name}: {ex.Message}"));
        }
    }

    private static string? Truncate(string? text, int limit = MaxOutputChars) => text is { Length: > 0 } && text.Length > limit ? text[..limit] : text;
}

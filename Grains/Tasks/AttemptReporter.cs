using Actors.Grains.Execution;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Tasks;

/// <summary>
/// Runs an attempt off its grain's turn and delivers the result to the grain, retrying the delivery
/// (with backoff, quietly) until the grain has taken it: a result is never dropped because storage
/// or the grain's silo was briefly unavailable. While this runs, <see cref="LocalAttempts"/> holds
/// the attempt.
/// </summary>
public sealed partial class AttemptReporter(AttemptRunner runner, LocalAttempts attempts, IGrainFactory grainFactory, TimeProvider clock, ILogger<AttemptReporter> logger)
{
    /// <summary>How long an undeliverable result is retried before it is given up (the grain's watchdog then abandons the attempt).</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(5);

    /// <summary>Starts the attempt on the thread pool; <paramref name="cancellationToken"/> abandons it (nothing is reported).</summary>
    public void Start(ExecutionRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        attempts.Started(request.RunId, request.Attempt);
        _ = Task.Run(() => RunAsync(request, timeout, cancellationToken), CancellationToken.None);
    }

    private async Task RunAsync(ExecutionRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            AttemptResult result;
            try
            {
                result = await runner.RunAsync(request, timeout, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await DeliverAsync(request, new AttemptOutcome(result.Outcome, result.Output, result.Error), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogGaveUp(ex, request.RunId, request.Attempt, GiveUpAfter.TotalMinutes);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            attempts.Done(request.RunId, request.Attempt);
        }
    }

    private async Task DeliverAsync(ExecutionRequest request, AttemptOutcome outcome, CancellationToken cancellationToken)
    {
        var sink = grainFactory.GetGrain<ITaskRunSink>(request.TaskId);
        var giveUpAt = clock.GetUtcNow() + GiveUpAfter;
        var delay = FirstRetry;
        for (var failures = 0; ; failures++)
        {
            try
            {
                await sink.AttemptFinishedAsync(request.RunId, request.Attempt, outcome);
                if (failures > 0)
                {
                    LogDelivered(request.RunId, request.Attempt, failures);
                }

                return;
            }
            catch (Exception ex) when (clock.GetUtcNow() < giveUpAt && !cancellationToken.IsCancellationRequested)
            {
                // One warning per attempt, not one per retry: under a database outage thousands of
                // results wait at once.
                if (failures == 0)
                {
                    LogRetrying(ex.GetBaseException().Message, request.RunId, request.Attempt);
                }

                await Task.Delay(delay, clock, cancellationToken);
                delay = delay * 2 < LongestRetry ? delay * 2 : LongestRetry;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver the result of {RunId} attempt {Attempt} to its task ({Reason}); retrying until it is taken")]
    private partial void LogRetrying(string reason, string runId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivered the result of {RunId} attempt {Attempt} after {Failures} failed tries")]
    private partial void LogDelivered(string runId, int attempt, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up delivering the result of {RunId} attempt {Attempt} after {Minutes} minutes; the task will count it as abandoned")]
    private partial void LogGaveUp(Exception exception, string runId, int attempt, double minutes);
}

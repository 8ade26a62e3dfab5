using Orleans.Runtime;

namespace Actors.WebApi.Hosting;

/// <summary>Keeps the Orleans client trying to reach the cluster instead of failing the process; /health says unhealthy meanwhile.</summary>
public sealed class RetryForeverFilter(ILogger<RetryForeverFilter> logger) : IClientConnectionRetryFilter
{
    private int _attempts;

    /// <inheritdoc />
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _attempts) % 10 == 1)
        {
            logger.LogWarning("No silo reachable yet ({Message}); retrying", exception.Message);
        }

        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        return !cancellationToken.IsCancellationRequested;
    }
}

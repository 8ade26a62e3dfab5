using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Actors.Silo.Hosting.Logging;

/// <summary>
/// Wraps a logger provider so one kind of message (its category and message template) is written
/// at most <see cref="Burst"/> times per <see cref="Window"/>; the rest are counted and reported in
/// one line when the window has passed. Under overload, when thousands of tasks hit the same fault at
/// once, the log says so in a few lines instead of growing by hundreds of megabytes.
/// </summary>
public sealed class RateLimitedLoggerProvider(ILoggerProvider inner, TimeProvider clock) : ILoggerProvider
{
    /// <summary>How long a kind of message is counted before it may be written again.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    /// <summary>How many messages of one kind are written per window.</summary>
    public const int Burst = 10;

    private readonly ConcurrentDictionary<string, Budget> _budgets = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new RateLimitedLogger(inner.CreateLogger(categoryName), categoryName, this);

    /// <inheritdoc />
    public void Dispose() => inner.Dispose();

    /// <summary>Whether a message of <paramref name="kind"/> may be written now, and how many were held back before it.</summary>
    internal bool TryTake(string kind, out long suppressed)
    {
        var now = clock.GetUtcNow();
        var budget = _budgets.GetOrAdd(kind, _ => new Budget(now));
        lock (budget)
        {
            if (now - budget.WindowStart >= Window)
            {
                budget.WindowStart = now;
                budget.Written = 0;
            }

            if (budget.Written < Burst)
            {
                budget.Written++;
                suppressed = budget.Suppressed;
                budget.Suppressed = 0;
                return true;
            }

            budget.Suppressed++;
            suppressed = 0;
            return false;
        }
    }

    private sealed class Budget(DateTimeOffset windowStart)
    {
        public DateTimeOffset WindowStart { get; set; } = windowStart;

        public int Written { get; set; }

        public long Suppressed { get; set; }
    }
}

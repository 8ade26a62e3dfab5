using Microsoft.Extensions.Logging;

namespace Actors.Silo.Hosting.Logging;

/// <summary>A logger whose messages pass through <see cref="RateLimitedLoggerProvider"/>'s budget (see there).</summary>
internal sealed class RateLimitedLogger(ILogger inner, string category, RateLimitedLoggerProvider limits) : ILogger
{
    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var template = state is IReadOnlyList<KeyValuePair<string, object?>> values
            ? values.FirstOrDefault(v => v.Key == "{OriginalFormat}").Value as string
            : null;
        if (!limits.TryTake($"{category}|{eventId.Id}|{template}", out var suppressed))
        {
            return;
        }

        if (suppressed > 0)
        {
            inner.Log(logLevel, eventId, "{Suppressed} more messages like the next one were not written in the last {Seconds} s", suppressed, RateLimitedLoggerProvider.Window.TotalSeconds);
        }

        inner.Log(logLevel, eventId, state, exception, formatter);
    }
}

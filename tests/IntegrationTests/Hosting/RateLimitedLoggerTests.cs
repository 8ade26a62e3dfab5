using Actors.Silo.Hosting.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Actors.IntegrationTests.Hosting;

public sealed class RateLimitedLoggerTests
{
    [Fact]
    public void AFloodOfOneKindOfMessageIsWrittenTenTimesAWindowAndTheRestIsCountedOnce()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var sink = new SinkProvider();
        using var provider = new RateLimitedLoggerProvider(sink, clock);
        var logger = provider.CreateLogger("Actors.Test");

        for (var i = 0; i < 1000; i++)
        {
            logger.LogWarning("Task {TaskId}: could not deliver", i);
            logger.LogWarning("Something else {N}", i);
        }

        clock.Advance(RateLimitedLoggerProvider.Window);
        logger.LogWarning("Task {TaskId}: could not deliver", 1000);

        var delivered = sink.Lines.Where(l => l.Contains("could not deliver", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, delivered.Count);
        Assert.Equal(10, sink.Lines.Count(l => l.StartsWith("Something else", StringComparison.Ordinal)));
        Assert.Contains("990 more messages like the next one were not written in the last 10 s", sink.Lines);
    }

    private sealed class SinkProvider : ILoggerProvider
    {
        public List<string> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Sink(Lines);

        public void Dispose()
        {
        }

        private sealed class Sink(List<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Add(formatter(state, exception));
        }
    }
}

using Actors.Grains;
using Actors.Grains.Execution;
using Microsoft.Extensions.Time.Testing;

namespace Actors.UnitTests.Execution;

public sealed class AttemptRunnerTests
{
    [Fact]
    public async Task SuccessFailureAndExceptionsBecomeOutcomes()
    {
        var runner = Runner(new Fake("ok", (_, _) => Task.FromResult(ExecutionResult.Success("done"))),
            new Fake("no", (_, _) => Task.FromResult(ExecutionResult.Failure("bad input"))),
            new Fake("boom", (_, _) => throw new InvalidOperationException("exploded")));

        var ok = await runner.RunAsync(Request("ok"), TimeSpan.FromSeconds(5), CancellationToken.None);
        var no = await runner.RunAsync(Request("no"), TimeSpan.FromSeconds(5), CancellationToken.None);
        var boom = await runner.RunAsync(Request("boom"), TimeSpan.FromSeconds(5), CancellationToken.None);
        var unknown = await runner.RunAsync(Request("nope"), TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(new AttemptResult(RunOutcome.Succeeded, "done", null), ok);
        Assert.Equal(new AttemptResult(RunOutcome.Failed, null, "bad input"), no);
        Assert.Equal(new AttemptResult(RunOutcome.Failed, null, "InvalidOperationException: exploded"), boom);
        Assert.Equal(RunOutcome.Failed, unknown.Outcome);
        Assert.Equal("No executor named 'nope' is registered; known: boom, no, ok.", unknown.Error);
    }

    [Fact]
    public async Task AnAttemptPastItsTimeoutIsTimedOut()
    {
        var clock = new FakeTimeProvider();
        var started = new TaskCompletionSource();
        var runner = new AttemptRunner(new ExecutorRegistry([new Fake("hang", async (_, token) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return ExecutionResult.Success(null);
        })]), clock);

        var attempt = runner.RunAsync(Request("hang"), TimeSpan.FromSeconds(300), CancellationToken.None);
        await started.Task;
        clock.Advance(TimeSpan.FromSeconds(301));
        var result = await attempt.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(RunOutcome.TimedOut, result.Outcome);
        Assert.Equal("Timed out after 300 s.", result.Error);
    }

    [Fact]
    public async Task OutputIsCutToFourKilobytes()
    {
        var runner = Runner(new Fake("big", (_, _) => Task.FromResult(ExecutionResult.Success(new string('x', 10_000)))));

        var result = await runner.RunAsync(Request("big"), TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(AttemptRunner.MaxOutputChars, result.Output!.Length);
    }

    private static AttemptRunner Runner(params IExecutor[] executors) => new(new ExecutorRegistry(executors), TimeProvider.System);

    private static ExecutionRequest Request(string executor) => new(
        Guid.NewGuid(), "run:1", 1, 1, DateTimeOffset.UtcNow, new TaskSpec { Execution = new ExecutionSpec { Executor = executor } });

    private sealed class Fake(string name, Func<ExecutionRequest, CancellationToken, Task<ExecutionResult>> run) : IExecutor
    {
        public string Name => name;

        public PluginDescriptor Describe() => new() { Name = name, PluginType = "executor" };

        public IReadOnlyList<FieldError> Validate(TaskSpec spec) => [];

        public Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken) => run(request, cancellationToken);
    }
}

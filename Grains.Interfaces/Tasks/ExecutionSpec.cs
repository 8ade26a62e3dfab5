namespace Actors.Grains;

/// <summary>How a task's runs execute and how failures are handled.</summary>
[GenerateSerializer, Immutable, Alias("actors.execution-spec")]
public sealed record ExecutionSpec
{
    /// <summary>The executor plugin that runs the task (<c>log</c>, <c>http</c>, ...).</summary>
    [Id(0)] public string Executor { get; init; } = "log";

    /// <summary>Webhook settings for the <c>http</c> executor.</summary>
    [Id(1)] public HttpTarget? Http { get; init; }

    /// <summary>Seconds a single attempt may take.</summary>
    [Id(2)] public int TimeoutSeconds { get; init; } = 300;

    /// <summary>Retries after a failed attempt of one round.</summary>
    [Id(3)] public int MaxRetries { get; init; } = 3;

    /// <summary>Base delay of the exponential backoff between retries, in seconds.</summary>
    [Id(4)] public double RetryBackoffSeconds { get; init; } = 2;

    /// <summary>What to do with a slot that comes due while a run is in flight.</summary>
    [Id(5)] public OverlapPolicy Overlap { get; init; } = OverlapPolicy.Skip;

    /// <summary>Failed rounds in a row before the task goes to <see cref="ScheduledTaskStatus.Error"/>.</summary>
    [Id(6)] public int MaxConsecutiveFailures { get; init; } = 5;

    /// <summary>What the <c>agent</c> executor runs, and on which agents.</summary>
    [Id(7)] public AgentTarget? Agent { get; init; }

    /// <summary>Seconds an <c>agent</c> run may wait for a matching agent before it ends <c>timed_out</c>.</summary>
    [Id(8)] public int QueueTimeoutSeconds { get; init; } = 300;
}

using System.Collections.Concurrent;
using System.Text.Json;
using Actors.Grains;
using Actors.Grains.Execution;

namespace Actors.GrainTests.Support;

/// <summary>
/// A test executor (<c>scripted</c>) whose behaviour a test sets per script key (kwargs
/// <c>{"script": "key"}</c>, or a flow node's config): fail the first N attempts, or block until released.
/// </summary>
public sealed class ScriptedExecutor : IExecutor
{
    private static readonly ConcurrentDictionary<string, Script> Scripts = new();

    /// <inheritdoc />
    public string Name => "scripted";

    /// <summary>Sets the behaviour for a key and returns it.</summary>
    public static Script For(string key) => Scripts.GetOrAdd(key, _ => new Script());

    /// <inheritdoc />
    public PluginDescriptor Describe() => new() { Name = Name, PluginType = "executor", Description = "Test executor." };

    /// <inheritdoc />
    public IReadOnlyList<FieldError> Validate(TaskSpec spec) =>
        spec.KwargsJson.Contains("\"crash_on_create\"", StringComparison.Ordinal)
            ? throw new InvalidOperationException("simulated crash while creating the task")
            : [];

    /// <inheritdoc />
    public async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        // A task names its script in kwargs; a flow node in its config.
        using var kwargs = JsonDocument.Parse(request.Node?.ConfigJson ?? request.Spec.KwargsJson);
        var script = For(kwargs.RootElement.GetProperty("script").GetString()!);
        script.Calls.Enqueue(request);
        if (script.Block is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return script.TakeFailure()
            ? ExecutionResult.Failure("scripted failure")
            : ExecutionResult.Success("ok");
    }

    /// <summary>What one script key does, and what it saw.</summary>
    public sealed class Script
    {
        private int _failuresLeft;

        /// <summary>Attempts still to fail.</summary>
        public int FailuresLeft
        {
            get => Volatile.Read(ref _failuresLeft);
            set => Volatile.Write(ref _failuresLeft, value);
        }

        /// <summary>Uses up one failure; true when this attempt must fail.</summary>
        public bool TakeFailure() => Interlocked.Decrement(ref _failuresLeft) >= 0;

        /// <summary>While set and not completed, attempts wait on it.</summary>
        public TaskCompletionSource? Block { get; set; }

        /// <summary>Every attempt, in order.</summary>
        public ConcurrentQueue<ExecutionRequest> Calls { get; } = new();
    }
}

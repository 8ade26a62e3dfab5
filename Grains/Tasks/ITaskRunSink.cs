using Actors.Grains.Execution;

namespace Actors.Grains.Tasks;

/// <summary>
/// How a finished attempt reports back to its task grain. Attempts run off the grain's turn, so
/// the result comes back as an ordinary message and is handled one at a time with every other call.
/// </summary>
[Alias("actors.ITaskRunSink")]
internal interface ITaskRunSink : IGrainWithGuidKey
{
    /// <summary>Records the end of an attempt; ignored unless it is the attempt in flight.</summary>
    [Alias("attempt-finished")]
    Task AttemptFinishedAsync(string runId, int attempt, AttemptOutcome outcome);
}

using System.Collections.Concurrent;
using Actors.Grains.Tasks.Stored;

namespace Actors.Grains.Tasks;

/// <summary>
/// Moves a task's run records from its state to the run history: records saved in the state are
/// handed to the history's writer, and leave the state (with its next write) once the history has
/// them. Confirmations arrive off the grain's turn and are applied on it.
/// </summary>
internal sealed class RunRecordHandOver(Guid taskId, TaskServices services)
{
    private readonly HashSet<(string RunId, int Attempt)> _handedOver = [];

    /// <summary>
    /// Made on the first hand-over, on the grain's turn: an empty concurrent queue already holds a
    /// 32-slot segment (about 1 KB), kept by every idle task in memory.
    /// </summary>
    private ConcurrentQueue<(string RunId, int Attempt, bool Stored)>? _answers;

    /// <summary>Drops the records the history has confirmed from <paramref name="state"/> (a failed write is handed over again later).</summary>
    public void Settle(TaskState state)
    {
        while (_answers is not null && _answers.TryDequeue(out var answer))
        {
            _handedOver.Remove((answer.RunId, answer.Attempt));
            if (answer.Stored)
            {
                state.PendingRuns.RemoveAll(r => r.RunId == answer.RunId && r.Attempt == answer.Attempt);
            }
        }
    }

    /// <summary>Hands the saved records the history does not have yet to its writer.</summary>
    public void HandOver(TaskState state, string accountId)
    {
        var records = state.PendingRuns.Where(r => !_handedOver.Contains((r.RunId, r.Attempt))).ToList();
        if (records.Count == 0)
        {
            return;
        }

        records.ForEach(r => _handedOver.Add((r.RunId, r.Attempt)));
        var answers = _answers ??= new();
        _ = services.History.WriteAsync(taskId, accountId, records).ContinueWith(
            t => records.ForEach(r => answers.Enqueue((r.RunId, r.Attempt, t.IsCompletedSuccessfully))),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>A record of the task: its last run, kept in the state until the history has it.</summary>
    public static void Record(TaskState state, StoredRun run)
    {
        state.LastRun = run.Summary();
        state.PendingRuns.Add(run);
    }
}

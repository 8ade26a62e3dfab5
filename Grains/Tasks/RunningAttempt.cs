using Actors.Grains.Execution;
using Actors.Grains.Tasks.Stored;

namespace Actors.Grains.Tasks;

/// <summary>
/// The attempt a task's activation runs: started on the thread pool off the grain's turn with its
/// time budget, cancelled on delete or abandon, and a move of the task asked for mid-run held until
/// the attempt ends.
/// </summary>
internal sealed class RunningAttempt(Guid taskId, TaskServices services, Action move)
{
    private Action? _cancel; // the attempt's CancellationTokenSource.Cancel (no timer, no wait handle: nothing to dispose)
    private bool _moveWhenDone;

    /// <summary>Whether an attempt runs in this activation.</summary>
    public bool IsRunning => _cancel is not null;

    /// <summary>
    /// Starts the executor: a new attempt with its whole time budget, one picked up again
    /// (<paramref name="resumed"/>) with what is left of it. Returns how long the activation must stay.
    /// </summary>
    public TimeSpan Start(InFlightRun run, TaskSpec spec, DateTimeOffset now, bool resumed)
    {
        var budget = AttemptBudget.Of(spec.Execution);
        var left = resumed ? budget - (now - run.StartedAt) : budget;
        var cancellation = new CancellationTokenSource();
        _cancel = cancellation.Cancel;
        services.Reporter.Start(new ExecutionRequest(taskId, run.RunId, run.Round, run.Attempt, run.ScheduledAt, spec), left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellation.Token);
        return budget + InFlightCheck.AbandonGrace + InFlightCheck.AbandonGrace;
    }

    /// <summary>Cancels the attempt, if one runs.</summary>
    public void Cancel() => _cancel?.Invoke();

    /// <summary>The attempt has ended (reported, or abandoned).</summary>
    public void Ended() => _cancel = null;

    /// <summary>Moves the task now, or, if an attempt runs, once it has ended (<see cref="MoveIfHeld"/>).</summary>
    public void MoveWhenFree()
    {
        _moveWhenDone = IsRunning;
        if (!IsRunning)
        {
            move();
        }
    }

    /// <summary>Makes a move held for the attempt's end, once no attempt runs.</summary>
    public void MoveIfHeld()
    {
        if (_moveWhenDone && !IsRunning)
        {
            _moveWhenDone = false;
            move();
        }
    }
}

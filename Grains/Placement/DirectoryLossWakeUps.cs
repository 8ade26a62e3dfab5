using Actors.Grains.Tasks;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Actors.Grains.Placement;

/// <summary>
/// Wakes task grains that Orleans deactivated because the silo holding their grain-directory entry
/// left or died. Orleans' default directory drops every activation registered on a departing silo,
/// wherever the activation lives, so when one of two silos stops, about half the tasks on the other
/// one are deactivated with it; their next wake-up would then wait for a reminder or the overdue
/// sweep and a slot could be missed. Each is called again as soon as its deactivation has finished,
/// which activates it on the silo that owns it.
/// </summary>
public sealed partial class DirectoryLossWakeUps(IGrainFactory grainFactory, TimeProvider clock, ILogger<DirectoryLossWakeUps> logger)
{
    /// <summary>How long after the deactivation began the task is called again (its deactivation saves its state first; a call that arrives sooner waits for it anyway).</summary>
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);

    /// <summary>How many times a wake-up is tried before the reminder and the overdue sweep are left to it.</summary>
    private const int Attempts = 5;

    /// <summary>Whether a task deactivated for <paramref name="reason"/> is to be woken again at once.</summary>
    public static bool Applies(DeactivationReason reason) => reason.ReasonCode == DeactivationReasonCode.DirectoryFailure;

    /// <summary>Wakes task <paramref name="taskId"/> again shortly, off the grain's turn.</summary>
    public void WakeSoon(Guid taskId) => _ = Task.Run(() => WakeAsync(taskId));

    private async Task WakeAsync(Guid taskId)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            await Task.Delay(Delay * attempt, clock);
            try
            {
                await grainFactory.GetTaskGrain(taskId).WakeAsync();
                return;
            }
            catch (Exception ex) when (attempt < Attempts)
            {
                LogRetrying(ex, taskId, attempt);
            }
            catch (Exception ex)
            {
                LogGaveUp(ex, taskId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Task {TaskId}: wake-up after losing its directory entry failed (attempt {Attempt}); trying again")]
    private partial void LogRetrying(Exception exception, Guid taskId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: could not wake it after it lost its directory entry; its reminder and the overdue sweep will")]
    private partial void LogGaveUp(Exception exception, Guid taskId);
}

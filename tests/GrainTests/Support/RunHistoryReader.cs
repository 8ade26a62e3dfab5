using Actors.Grains;

namespace Actors.GrainTests.Support;

/// <summary>A task's runs as the API shows them: what the task holds in memory, then the run history.</summary>
public static class RunHistoryReader
{
    /// <summary>Every run of the task, newest first; null when there is no such task.</summary>
    public static async Task<RunRecord[]?> RunsAsync(this IGrainFactory grains, Guid taskId)
    {
        if (await grains.GetTaskGrain(taskId).GetLiveRunsAsync() is not { } live)
        {
            return null;
        }

        var page = await grains.GetRunQueryGrain().ListAsync(new RunQuery { TaskId = taskId, Limit = RunQuery.MaxLimit });
        return [.. live.Where(l => !page.Runs.Any(r => r.RunId == l.RunId && r.Attempt == l.Attempt)).Concat(page.Runs).OrderByDescending(r => r.StartedAt)];
    }
}

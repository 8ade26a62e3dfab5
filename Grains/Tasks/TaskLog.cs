using Microsoft.Extensions.Logging;

namespace Actors.Grains.Tasks;

/// <summary>What a task grain logs.</summary>
internal static partial class TaskLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId}: ignoring a late report for {RunId} attempt {Attempt}")]
    public static partial void LateReport(ILogger logger, Guid taskId, string runId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: {Failures} failed rounds in a row; stopping in error")]
    public static partial void StoppedInError(ILogger logger, Guid taskId, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: attempt {Attempt} of {RunId} abandoned: {Why}")]
    public static partial void Abandoned(ILogger logger, Guid taskId, int attempt, string runId, string why);
}

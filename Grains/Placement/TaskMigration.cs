using Microsoft.Extensions.Logging;
using Orleans.Core.Internal;
using Orleans.Runtime;

namespace Actors.Grains.Placement;

/// <summary>Asks the runtime to move a task activation once it is idle.</summary>
public static partial class TaskMigration
{
    /// <summary>
    /// Through the management extension, not <c>MigrateOnIdle()</c>: the extension asks the
    /// placement director first and stays put when it picks this silo, where <c>MigrateOnIdle()</c>
    /// would deactivate the grain. The call is a message to the grain, handled after its current turn.
    /// </summary>
    public static void Request(IGrainFactory grainFactory, GrainId grain, ILogger logger)
    {
        var management = grainFactory.GetGrain(grain).Cast<IGrainManagementExtension>();
        _ = management.MigrateOnIdle().AsTask().ContinueWith(
            t => LogMoveFailed(logger, t.Exception, grain), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Grain}: could not start moving")]
    private static partial void LogMoveFailed(ILogger logger, Exception? exception, GrainId grain);
}

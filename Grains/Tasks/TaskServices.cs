using Actors.Grains.Catalog;
using Actors.Grains.Dispatcher;
using Actors.Grains.Execution;
using Actors.Grains.History;
using Actors.Grains.Placement;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Actors.Grains.Tasks;

/// <summary>What a task grain works with on its silo, in one place (one per silo).</summary>
public sealed class TaskServices(
    ITaskCatalog catalog,
    IRunHistory history,
    AttemptReporter reporter,
    ExecutorRegistry executors,
    DispatcherSwitch dispatcher,
    LocalTaskActivations localTasks,
    DirectoryLossWakeUps directoryLossWakeUps,
    LocalAttempts localAttempts,
    SiloDepartures departures,
    ILocalSiloDetails silo,
    IClusterMembershipService membership,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider clock)
{
    /// <summary>The catalog.</summary>
    public ITaskCatalog Catalog { get; } = catalog;

    /// <summary>The run history.</summary>
    public IRunHistory History { get; } = history;

    /// <summary>Runs attempts and delivers their results.</summary>
    public AttemptReporter Reporter { get; } = reporter;

    /// <summary>The executors.</summary>
    public ExecutorRegistry Executors { get; } = executors;

    /// <summary>The dispatcher switch.</summary>
    public DispatcherSwitch Dispatcher { get; } = dispatcher;

    /// <summary>The task grains active on this silo.</summary>
    public LocalTaskActivations LocalTasks { get; } = localTasks;

    /// <summary>Wakes tasks Orleans deactivated when the silo holding their directory entry left.</summary>
    public DirectoryLossWakeUps DirectoryLossWakeUps { get; } = directoryLossWakeUps;

    /// <summary>The attempts executing on this silo.</summary>
    public LocalAttempts LocalAttempts { get; } = localAttempts;

    /// <summary>Whether this silo is stopping (it starts no new attempt then).</summary>
    public SiloDepartures Departures { get; } = departures;

    /// <summary>This silo's address, as run records and the catalog write it.</summary>
    public string Host { get; } = silo.SiloAddress.ToParsableString();

    /// <summary>This silo.</summary>
    public SiloAddress Silo { get; } = silo.SiloAddress;

    /// <summary>The silos' status as this one sees it.</summary>
    public IClusterMembershipService Membership { get; } = membership;

    /// <summary>Orleans' shortest reminder period.</summary>
    public TimeSpan MinimumReminderPeriod { get; } = reminderOptions.Value.MinimumReminderPeriod;

    /// <summary>The clock.</summary>
    public TimeProvider Clock { get; } = clock;

    /// <summary>Now, in whole milliseconds: the run history stores microseconds and finds an attempt by its start.</summary>
    public DateTimeOffset Now
    {
        get
        {
            var now = Clock.GetUtcNow();
            return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        }
    }
}

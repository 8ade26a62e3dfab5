using Actors.Grains.Catalog;
using Actors.Grains.Dispatcher;
using Actors.Grains.Execution;
using Actors.Grains.History;
using Actors.Grains.Placement;
using Actors.Grains.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Serialization.Configuration;
using Orleans.Serialization.TypeSystem;
using Orleans.Runtime;

namespace Actors.Grains;

/// <summary>Registers what the grains need in a silo's container.</summary>
public static class GrainServiceCollectionExtensions
{
    /// <summary>
    /// Adds the executors, the clock, and an in-memory catalog unless a durable one was registered
    /// first. Call it on every silo (the real silo and the test cluster's).
    /// </summary>
    public static IServiceCollection AddActorsGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITaskCatalog, InMemoryTaskCatalog>();
        services.TryAddSingleton<IRunHistory, InMemoryRunHistory>();
        services.TryAddSingleton<Flows.IRunningCycles, Flows.NoRunningCycles>();
        services.AddOptions<RunHistoryOptions>();
        services.AddOptions<Agents.AgentHubOptions>();
        services.TryAddSingleton<TaskServices>();
        services.TryAddSingleton<Flows.FlowServices>();
        services.AddActorsExecutors();
        services.TryAddSingleton<DispatcherSwitch>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<DispatcherSwitch>());
        services.TryAddSingleton<OverdueSweep>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<OverdueSweep>());
        services.TryAddSingleton<DeadSiloSweep>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<DeadSiloSweep>());
        services.TryAddSingleton<LocalAttempts>();
        services.TryAddSingleton<AttemptReporter>();
        services.TryAddSingleton<LocalTaskActivations>();
        services.TryAddSingleton<DirectoryLossWakeUps>();
        services.TryAddSingleton<SiloDepartures>();
        services.AddKeyedSingleton<IControllable>(SiloDepartures.ControlName, (sp, _) => sp.GetRequiredService<SiloDepartures>());
        services.TryAddSingleton<Health.RunMeter>();
        services.TryAddSingleton<Health.ActorsMetrics>();
        services.AddKeyedSingleton<IControllable>(Health.RunMeter.ControlName, (sp, _) => sp.GetRequiredService<Health.RunMeter>());

        // The departure announcement names SiloDepartures as the control command's type argument.
        services.Configure<TypeManifestOptions>(o =>
        {
            o.AllowedTypes.Add(RuntimeTypeNameFormatter.Format(typeof(SiloDepartures)));
            o.AllowedTypes.Add(RuntimeTypeNameFormatter.Format(typeof(Health.RunMeter)));
        });
        services.AddPlacementDirector<TaskPlacement, TaskPlacementDirector>();
        services.TryAddSingleton<TaskRebalancer>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<TaskRebalancer>());
        return services;
    }
}

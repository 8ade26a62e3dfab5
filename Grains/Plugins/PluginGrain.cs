using Actors.Grains.Execution;

namespace Actors.Grains.Plugins;

/// <summary>Lists the plugins registered in the silo that answers.</summary>
[StatelessWorker, GrainType("plugins")]
internal sealed class PluginGrain(ExecutorRegistry executors) : Grain, IPluginGrain
{
    public Task<PluginDescriptor[]> ListAsync() => Task.FromResult(PluginCatalog.List(executors));
}

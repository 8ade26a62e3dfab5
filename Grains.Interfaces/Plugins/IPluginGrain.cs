namespace Actors.Grains;

/// <summary>Lists the executors registered in the silos and the schedule kinds. A stateless worker.</summary>
[Alias("actors.IPluginGrain")]
public interface IPluginGrain : IGrainWithIntegerKey
{
    /// <summary>Every plugin.</summary>
    [Alias("list")]
    Task<PluginDescriptor[]> ListAsync();
}

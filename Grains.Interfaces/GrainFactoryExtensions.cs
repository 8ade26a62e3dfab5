namespace Actors.Grains;

/// <summary>Typed access to the project's grains, so every caller keys them the same way.</summary>
public static class GrainFactoryExtensions
{
    /// <summary>
    /// The account grain. The key is prefixed because ADO.NET storage treats a string key that
    /// parses as hex ("abc", "0abc") as an integer key, so two accounts could share a row.
    /// </summary>
    public static IAccountGrain GetAccountGrain(this IGrainFactory factory, string accountId) =>
        factory.GetGrain<IAccountGrain>("account/" + accountId);

    /// <summary>The task grain.</summary>
    public static ITaskGrain GetTaskGrain(this IGrainFactory factory, Guid taskId) =>
        factory.GetGrain<ITaskGrain>(taskId);

    /// <summary>The cluster's single dispatcher.</summary>
    public static IDispatcherGrain GetDispatcherGrain(this IGrainFactory factory) =>
        factory.GetGrain<IDispatcherGrain>(0);

    /// <summary>A local reader of the task catalog.</summary>
    public static ITaskQueryGrain GetTaskQueryGrain(this IGrainFactory factory) =>
        factory.GetGrain<ITaskQueryGrain>(0);

    /// <summary>A local reader of the run history.</summary>
    public static IRunQueryGrain GetRunQueryGrain(this IGrainFactory factory) =>
        factory.GetGrain<IRunQueryGrain>(0);

    /// <summary>The cluster as a silo sees it in memory.</summary>
    public static IClusterViewGrain GetClusterViewGrain(this IGrainFactory factory) =>
        factory.GetGrain<IClusterViewGrain>(0);

    /// <summary>The cluster's single agent hub.</summary>
    public static IAgentHubGrain GetAgentHubGrain(this IGrainFactory factory) =>
        factory.GetGrain<IAgentHubGrain>(0);

    /// <summary>A local describer of schedules.</summary>
    public static ISchedulePreviewGrain GetSchedulePreviewGrain(this IGrainFactory factory) =>
        factory.GetGrain<ISchedulePreviewGrain>(0);

    /// <summary>A local reader of the registered plugins.</summary>
    public static IPluginGrain GetPluginGrain(this IGrainFactory factory) =>
        factory.GetGrain<IPluginGrain>(0);

    /// <summary>A flow (prefixed for the same reason as accounts).</summary>
    public static IFlowGrain GetFlowGrain(this IGrainFactory factory, string flowId) =>
        factory.GetGrain<IFlowGrain>("flow/" + flowId);

    /// <summary>The cluster's list of flows.</summary>
    public static IFlowDirectoryGrain GetFlowDirectoryGrain(this IGrainFactory factory) =>
        factory.GetGrain<IFlowDirectoryGrain>(0);

    /// <summary>Where a node started by <c>POST /nodes/execute</c> last ran.</summary>
    public static INodeIndexGrain GetNodeIndexGrain(this IGrainFactory factory, string nodeId) =>
        factory.GetGrain<INodeIndexGrain>("node/" + nodeId);

    /// <summary>The account id back from an account grain's key.</summary>
    public static string AccountIdOf(string grainKey) =>
        grainKey.StartsWith("account/", StringComparison.Ordinal) ? grainKey["account/".Length..] : grainKey;
}

namespace Actors.Grains;

/// <summary>
/// One flow (seed 003): its definition, its schedule (a trigger task whose runs are its scheduled
/// cycles), the numbering of its cycles and the cycles it keeps. Each cycle has a grain of its own
/// that alone writes the cycle's state.
/// </summary>
[Alias("actors.IFlowGrain")]
public interface IFlowGrain : IGrainWithStringKey
{
    /// <summary>Registers or replaces the flow; a replaced definition applies from the next cycle.</summary>
    [Alias("execute")]
    Task<FlowCommandResult> ExecuteAsync(FlowExecuteRequest request);

    /// <summary>The flow with its <paramref name="cycles"/> latest cycles; null when there is no such flow.</summary>
    [Alias("get"), AlwaysInterleave]
    Task<FlowInfo?> GetAsync(int cycles);

    /// <summary>Starts a cycle now, numbered <paramref name="cycle"/> or the next number.</summary>
    [Alias("start-cycle")]
    Task<FlowCommandResult> StartCycleAsync(long? cycle);

    /// <summary>No more cycles; the running cycle is stopped.</summary>
    [Alias("stop")]
    Task<FlowCommandResult> StopAsync();

    /// <summary>Cycles run again on the schedule.</summary>
    [Alias("resume")]
    Task<FlowCommandResult> ResumeAsync();

    /// <summary>Stops one component of one cycle; the other components go on.</summary>
    [Alias("stop-component")]
    Task<FlowCommandResult> StopComponentAsync(long cycle, int component);

    /// <summary>Deletes the flow, its trigger task and its cycles.</summary>
    [Alias("delete")]
    Task<FlowCommandResult> DeleteAsync();

    /// <summary>A page of the cycles it keeps, newest first; null when there is no such flow.</summary>
    [Alias("cycles"), AlwaysInterleave]
    Task<CyclePage?> GetCyclesAsync(int offset, int limit);

    /// <summary>One cycle with every node; null when there is no such flow or cycle.</summary>
    [Alias("cycle"), AlwaysInterleave]
    Task<CycleInfo?> GetCycleAsync(long cycle);

    /// <summary>
    /// Runs one node once as a one-node cycle of this flow (created without a schedule when unknown),
    /// numbered <paramref name="cycle"/> (refused when that number already ran) or the next number.
    /// </summary>
    [Alias("execute-node")]
    Task<FlowCommandResult> ExecuteNodeAsync(FlowNodeRequest node, long? cycle);
}

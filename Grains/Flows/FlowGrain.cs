using System.Text.Json;
using Actors.Grains.Tasks.Stored;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Flows;

/// <summary>
/// One flow: its definition, its trigger task (whose runs are its scheduled cycles, so every task
/// schedule and the task's overlap, misfire and recovery rules apply), the numbering of its cycles
/// and the last <see cref="KeptCycles"/> cycles. Each cycle runs in a grain of its own on a
/// snapshot of the definition taken when it starts.
/// </summary>
[GrainType("flow")]
internal sealed partial class FlowGrain(
    [PersistentState("flow", StorageNames.Default)] IPersistentState<FlowState> store,
    FlowServices services,
    ILogger<FlowGrain> logger) : Grain, IFlowGrain, IFlowTrigger
{
    /// <summary>Cycles a flow keeps; older ones are forgotten.</summary>
    public const int KeptCycles = 200;

    private FlowState State => store.State;

    private string FlowId => this.GetPrimaryKeyString()["flow/".Length..];

    public async Task<FlowCommandResult> ExecuteAsync(FlowExecuteRequest request)
    {
        var builder = new FlowDefinitionBuilder(services.Executors);
        if (request.FlowId != FlowId)
        {
            return FlowCommandResult.Invalid([new FieldError("flow_id", $"flow_id \"{request.FlowId}\" does not match the flow \"{FlowId}\" it was sent to.")]);
        }

        if (!builder.TryBuild(request, out var definition, out var trigger, out var errors))
        {
            return FlowCommandResult.Invalid(errors);
        }

        var created = !State.Exists;
        if (created)
        {
            State.Exists = true;
            State.FlowId = FlowId;
            State.Incarnation = Guid.NewGuid();
            State.CreatedAt = services.Now;
        }

        State.Definition = definition;
        State.FlowJson = request.FlowJson;
        State.Active = true;
        State.UpdatedAt = services.Now;
        var problem = await new FlowTriggerTask(GrainFactory, services.Executors, State).ScheduleAsync(trigger);
        await WriteAsync();
        await GrainFactory.GetFlowDirectoryGrain().SetAsync(FlowId, true);
        if (problem is not null)
        {
            return FlowCommandResult.Conflict(problem);
        }

        LogRegistered(FlowId, definition.Nodes.Length, definition.ComponentCount, created);
        return FlowCommandResult.Ok(created ? $"Flow '{FlowId}' is registered." : $"Flow '{FlowId}' is replaced; the next cycle runs the new definition.", await InfoAsync(0), created: created);
    }

    public async Task<FlowInfo?> GetAsync(int cycles) => State.Exists ? await InfoAsync(cycles) : null;

    public async Task<FlowCommandResult> StartCycleAsync(long? cycle)
    {
        if (!State.Exists)
        {
            return NotFound();
        }

        if (await RunningCycleAsync() is { } running)
        {
            return FlowCommandResult.Conflict($"Cycle {running} of flow '{FlowId}' is still running; wait for it to end or stop it first.");
        }

        if (cycle is { } wanted && await CycleProblemAsync(wanted) is { } problem)
        {
            return problem;
        }

        var number = cycle ?? State.NextCycle;
        await BeginAsync(number, CycleTrigger.Manual, State.Definition);
        return FlowCommandResult.Ok($"Cycle {number} of flow '{FlowId}' started.", cycle: number);
    }

    public async Task<CycleTicket> BeginScheduledCycleAsync(string runId)
    {
        if (!State.Exists)
        {
            return new CycleTicket(null, -1, "the flow was deleted");
        }

        if (State.LastRunId == runId && State.CurrentCycle is { } same)
        {
            // The trigger run was picked up again (its silo died): the same cycle, started if it was not.
            await Cycle(same).StartAsync(new CycleStart(FlowId, same, CycleTrigger.Scheduled, State.Definition));
            return new CycleTicket(Key(same), same, null);
        }

        if (!State.Active)
        {
            return new CycleTicket(null, -1, "the flow is stopped");
        }

        if (await RunningCycleAsync() is { } running)
        {
            return new CycleTicket(null, -1, $"cycle {running} was still running");
        }

        var number = State.NextCycle;
        State.LastRunId = runId;
        await BeginAsync(number, CycleTrigger.Scheduled, State.Definition);
        return new CycleTicket(Key(number), number, null);
    }

    public async Task<FlowCommandResult> StopAsync()
    {
        if (!State.Exists)
        {
            return NotFound();
        }

        State.Active = false;
        State.UpdatedAt = services.Now;
        await WriteAsync();
        await GrainFactory.GetFlowDirectoryGrain().SetAsync(FlowId, false);
        if (State.TriggerTaskId is { } task)
        {
            await GrainFactory.GetTaskGrain(task).PauseAsync();
        }

        var stopped = await RunningCycleAsync();
        if (stopped is { } cycle)
        {
            await Cycle(cycle).StopAsync(null, "Stopped: the flow was stopped.");
        }

        LogStopped(FlowId);
        return FlowCommandResult.Ok(stopped is { } n ? $"Flow '{FlowId}' is stopped, and its running cycle {n} with it." : $"Flow '{FlowId}' is stopped.", await InfoAsync(0), stopped);
    }

    public async Task<FlowCommandResult> ResumeAsync()
    {
        if (!State.Exists)
        {
            return NotFound();
        }

        State.Active = true;
        State.UpdatedAt = services.Now;
        await WriteAsync();
        await GrainFactory.GetFlowDirectoryGrain().SetAsync(FlowId, true);
        if (State.TriggerTaskId is { } task)
        {
            await GrainFactory.GetTaskGrain(task).ResumeAsync();
        }

        return FlowCommandResult.Ok($"Flow '{FlowId}' is active again.", await InfoAsync(0));
    }

    public async Task<FlowCommandResult> StopComponentAsync(long cycle, int component)
    {
        if (!State.Exists)
        {
            return NotFound();
        }

        if (!State.Cycles.Exists(c => c.Cycle == cycle))
        {
            return FlowCommandResult.NotFound($"Flow '{FlowId}' has no cycle {cycle}.");
        }

        return await Cycle(cycle).StopAsync(component, $"Stopped: component {component} of cycle {cycle} was stopped.");
    }

    public async Task<FlowCommandResult> DeleteAsync()
    {
        if (!State.Exists)
        {
            return NotFound();
        }

        if (await RunningCycleAsync() is { } running)
        {
            await Cycle(running).StopAsync(null, "Stopped: the flow was deleted.");
        }

        if (State.TriggerTaskId is { } task)
        {
            await GrainFactory.GetTaskGrain(task).DeleteAsync();
        }

        await Task.WhenAll(State.Cycles.Select(c => Cycle(c.Cycle).ForgetAsync()));
        await store.ClearStateAsync();
        await GrainFactory.GetFlowDirectoryGrain().RemoveAsync(FlowId);
        LogDeleted(FlowId);
        return FlowCommandResult.Ok($"Flow '{FlowId}' is deleted with its trigger task and its cycles.");
    }

    public async Task<CyclePage?> GetCyclesAsync(int offset, int limit)
    {
        if (!State.Exists)
        {
            return null;
        }

        var page = State.Cycles.AsEnumerable().Reverse().Skip(offset).Take(limit).ToList();
        var summaries = await Task.WhenAll(page.Select(c => Cycle(c.Cycle).AwaitAsync(TimeSpan.Zero)));
        return new CyclePage { Total = State.Cycles.Count, Cycles = [.. summaries.Zip(page, (s, c) => s ?? Unstarted(c))] };
    }

    public async Task<CycleInfo?> GetCycleAsync(long cycle) =>
        State.Exists && State.Cycles.Exists(c => c.Cycle == cycle) ? await Cycle(cycle).GetAsync() : null;

    public async Task<FlowCommandResult> ExecuteNodeAsync(FlowNodeRequest node, long? cycle)
    {
        var errors = new List<FieldError>();
        if (FlowDefinitionBuilder.IdProblem("flow_id", FlowId) is { } idProblem)
        {
            errors.Add(new("flow_id", idProblem));
        }

        var built = new FlowDefinitionBuilder(services.Executors).Node(FlowId, node, "node", errors);
        if (built is null || errors.Count > 0)
        {
            return FlowCommandResult.Invalid([.. errors.Select(e => e with { Field = e.Field.Replace("node.config", "config", StringComparison.Ordinal).Replace("node.id", "node_id", StringComparison.Ordinal).Replace("node.type", "node_type", StringComparison.Ordinal) })]);
        }

        if (cycle is { } wanted && await CycleProblemAsync(wanted) is { } taken)
        {
            return taken;
        }

        if (!State.Exists)
        {
            State.Exists = true;
            State.FlowId = FlowId;
            State.Incarnation = Guid.NewGuid();
            State.CreatedAt = State.UpdatedAt = services.Now;
            State.Active = true;
            State.FlowJson = JsonSerializer.Serialize(new { nodes = new[] { new { id = built.Id, type = built.Type, config = JsonDocument.Parse(built.ConfigJson).RootElement } }, edges = Array.Empty<object>() });
            State.Definition = new FlowDefinition { Nodes = [built], ComponentCount = 1 };
            await GrainFactory.GetFlowDirectoryGrain().SetAsync(FlowId, true);
        }

        var number = cycle ?? State.NextCycle;
        await BeginAsync(number, CycleTrigger.Node, new FlowDefinition { Nodes = [built with { Component = 0 }], ComponentCount = 1 }, current: false);
        await GrainFactory.GetNodeIndexGrain(built.Id).SetAsync(FlowId, number);
        return FlowCommandResult.Ok($"Node '{built.Id}' runs as cycle {number} of flow '{FlowId}'.", cycle: number);
    }

    /// <summary>Why a cycle cannot be given number <paramref name="wanted"/> (negative, or it already ran), or null.</summary>
    private async Task<FlowCommandResult?> CycleProblemAsync(long wanted)
    {
        if (wanted < 0)
        {
            return FlowCommandResult.Invalid([new FieldError("cycle", $"cycle must be 0 or more; got {wanted}.")]);
        }

        return State.Exists && (State.Cycles.Exists(c => c.Cycle == wanted) || await Cycle(wanted).GetAsync() is not null)
            ? FlowCommandResult.Conflict($"Cycle {wanted} of flow '{FlowId}' already ran; give another number or none (the next is {State.NextCycle}).")
            : null;
    }

    /// <summary>Numbers and stores the cycle, then starts it on <paramref name="definition"/>; forgets the oldest cycles beyond the kept ones.</summary>
    private async Task BeginAsync(long number, CycleTrigger trigger, FlowDefinition definition, bool current = true)
    {
        State.NextCycle = Math.Max(State.NextCycle, number + 1);
        State.Cycles.Add(new CycleRef { Cycle = number, Trigger = trigger, StartedAt = services.Now });
        var forgotten = State.Cycles.Count > KeptCycles ? State.Cycles[..^KeptCycles] : [];
        State.Cycles.RemoveRange(0, forgotten.Count);
        if (current)
        {
            State.CurrentCycle = number;
        }

        await WriteAsync();
        await Cycle(number).StartAsync(new CycleStart(FlowId, number, trigger, definition));
        foreach (var old in forgotten)
        {
            _ = Cycle(old.Cycle).ForgetAsync();
        }
    }

    /// <summary>Stores the state; when that fails, the activation goes, so the next call starts from what is stored.</summary>
    private async Task WriteAsync()
    {
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>The latest scheduled or manual cycle while it runs.</summary>
    private async Task<long?> RunningCycleAsync() =>
        State.CurrentCycle is { } current && await Cycle(current).AwaitAsync(TimeSpan.Zero) is { State: CycleState.Running } ? current : null;

    private async Task<FlowInfo> InfoAsync(int cycles)
    {
        var task = State.TriggerTaskId is { } id ? await GrainFactory.GetTaskGrain(id).GetAsync() : null;
        var latest = State.Cycles.AsEnumerable().Reverse().Take(cycles).ToList();
        var summaries = await Task.WhenAll(latest.Select(c => Cycle(c.Cycle).AwaitAsync(TimeSpan.Zero)));
        return new FlowInfo
        {
            FlowId = FlowId,
            Active = State.Active,
            FlowJson = State.FlowJson,
            NodeCount = State.Definition.Nodes.Length,
            Components = State.Definition.Components(),
            Schedule = State.Trigger?.ToWire().Schedule,
            TriggerTaskId = State.TriggerTaskId,
            NextCycleAt = State.Active ? task?.NextExecutionTime : null,
            RunningCycle = await RunningCycleAsync(),
            Cycles = [.. summaries.Zip(latest, (s, c) => s ?? Unstarted(c))],
            CycleCount = State.Cycles.Count,
            CreatedAt = State.CreatedAt,
            UpdatedAt = State.UpdatedAt,
            NodeRunsTaskId = FlowServices.RunKey(FlowId),
        };
    }

    private static CycleSummary Unstarted(CycleRef cycle) => new() { Cycle = cycle.Cycle, Trigger = cycle.Trigger, StartedAt = cycle.StartedAt, State = CycleState.Failed };

    private FlowCommandResult NotFound() => FlowCommandResult.NotFound($"Flow '{FlowId}' does not exist; register it with POST /api/v1/flows/execute.");

    private string Key(long cycle) => FlowServices.CycleKey(FlowId, State.Incarnation, cycle);

    private IFlowCycleGrain Cycle(long cycle) => GrainFactory.GetGrain<IFlowCycleGrain>(Key(cycle));

    [LoggerMessage(Level = LogLevel.Information, Message = "Flow {FlowId} registered ({Nodes} nodes, {Components} components, new: {Created})")]
    private partial void LogRegistered(string flowId, int nodes, int components, bool created);

    [LoggerMessage(Level = LogLevel.Information, Message = "Flow {FlowId} stopped")]
    private partial void LogStopped(string flowId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Flow {FlowId} deleted")]
    private partial void LogDeleted(string flowId);
}

using System.Text.Json;
using Actors.Grains;
using Actors.WebApi.Contracts;
using Actors.WebApi.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.WebApi.Endpoints;

/// <summary><c>/api/v1/flows</c>, <c>/api/v1/nodes</c> and <c>/api/v1/stats</c> (seed 003).</summary>
public static class FlowsEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapFlows(this IEndpointRouteBuilder app)
    {
        var flows = app.MapGroup("/api/v1/flows").WithTags("Flows");
        flows.MapPost("/execute", ExecuteAsync).WithName("ExecuteFlow").WithSummary("Register or replace a flow: flow_id, cycle_interval (or any task schedule), flow_json {nodes, edges}.")
            .Accepts<FlowExecuteBody>("application/json").WithCommandProblems();
        flows.MapGet("/", ListAsync).WithName("ListFlows").WithSummary("Flows (status=active|stopped, q=part of the id), paged, with total.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        flows.MapGet("/{flowId}/status", StatusAsync).WithName("FlowStatus").WithSummary("Definition, schedule, next cycle time and the latest cycles.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        flows.MapGet("/{flowId}/cycles", CyclesAsync).WithName("FlowCycles").WithSummary("The cycles the flow keeps, newest first, paged.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        flows.MapGet("/{flowId}/cycles/{cycle:long}", CycleAsync).WithName("FlowCycle").WithSummary("One cycle: every node (state, times, attempts, output, error) and component.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        flows.MapPost("/{flowId}/cycles", StartCycleAsync).WithName("StartFlowCycle").WithSummary("Start a cycle now; optionally {\"cycle\": n} (a number that already ran: 409).")
            .Accepts<StartCycleBody>("application/json").WithCommandProblems();
        flows.MapPost("/{flowId}/stop", StopAsync).WithName("StopFlow").WithSummary("No more cycles; the running cycle's running nodes are cancelled.").WithCommandProblems();
        flows.MapPost("/{flowId}/resume", ResumeAsync).WithName("ResumeFlow").WithSummary("Cycles run on the schedule again.").WithCommandProblems();
        flows.MapPost("/{flowId}/cycles/{cycle:long}/components/{component:int}/stop", StopComponentAsync).WithName("StopFlowComponent")
            .WithSummary("Stop one component of one cycle; the others go on.").WithCommandProblems();
        flows.MapDelete("/{flowId}", DeleteAsync).WithName("DeleteFlow").WithSummary("Delete the flow, its trigger task and its cycles.").WithCommandProblems();

        var nodes = app.MapGroup("/api/v1/nodes").WithTags("Flows");
        nodes.MapPost("/execute", ExecuteNodeAsync).WithName("ExecuteNode").WithSummary("Run one node once, as a one-node cycle of its flow numbered by the body's cycle (409 if it already ran) or the next (seed 003).")
            .Accepts<NodeExecuteBody>("application/json").WithCommandProblems();
        nodes.MapGet("/{nodeId}/status", NodeStatusAsync).WithName("NodeStatus").WithSummary("The latest run of a node started with POST /nodes/execute.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        nodes.MapPost("/{nodeId}/stop", StopNodeAsync).WithName("StopNode").WithSummary("Stop the latest run of a node started with POST /nodes/execute.").WithCommandProblems();
        app.MapGet("/api/v1/stats", StatsAsync).WithTags("Status").WithName("Stats").WithSummary("Per silo: CPU, memory, activations and runs per second.");
    }

    /// <summary>Registers or replaces a flow.</summary>
    public static async Task<Results<Ok<FlowExecuteResponse>, Created<FlowExecuteResponse>, ProblemHttpResult>> ExecuteAsync(HttpRequest request, IGrainFactory grains, ApiSettings settings)
    {
        var (body, malformed) = await JsonBody.ReadAsync(request);
        if (malformed is not null)
        {
            return malformed;
        }

        // Without a flow_id the request still goes to a flow grain, whose rules list every problem.
        var flow = new FlowRequestReader(body, settings.DefaultTimeZone).Read();
        var flowId = flow.FlowId ?? "";
        var result = await grains.GetFlowGrain(flowId).ExecuteAsync(flow with { FlowId = flowId });
        if (!result.Succeeded)
        {
            return Problem(result);
        }

        var info = result.Flow!;
        var json = new FlowExecuteResponse(true, info.FlowId, result.Created, info.NodeCount, info.Components.Length, WireJson.Time(info.NextCycleAt), result.Message);
        return result.Created ? TypedResults.Created($"/api/v1/flows/{info.FlowId}/status", json) : TypedResults.Ok(json);
    }

    /// <summary>Lists flows.</summary>
    public static async Task<Results<Ok<FlowListView>, ProblemHttpResult>> ListAsync(IGrainFactory grains, string? status = null, string? q = null, int offset = 0, int limit = 50)
    {
        bool? active = status switch { null => null, "active" => true, "stopped" => false, _ => null };
        if (status is not null && active is null || offset < 0 || limit is < 1 or > 500)
        {
            return Problems.Invalid([.. new[]
            {
                status is not null && active is null ? new FieldError("status", $"status must be active or stopped; got '{status}'.") : null,
                offset < 0 ? new FieldError("offset", "offset must be 0 or more.") : null,
                limit is < 1 or > 500 ? new FieldError("limit", "limit must be between 1 and 500.") : null,
            }.OfType<FieldError>()]);
        }

        var (total, ids) = await grains.GetFlowDirectoryGrain().ListAsync(active, q, offset, limit);
        var flows = await Task.WhenAll(ids.Select(id => grains.GetFlowGrain(id).GetAsync(1)));
        return TypedResults.Ok(new FlowListView(total, offset, limit, [.. flows.OfType<FlowInfo>().Select(f => f.ToSummary())]));
    }

    /// <summary>One flow.</summary>
    public static async Task<Results<Ok<FlowStatusView>, ProblemHttpResult>> StatusAsync(IGrainFactory grains, string flowId) =>
        await grains.GetFlowGrain(flowId).GetAsync(10) is { } flow ? TypedResults.Ok(flow.ToStatus()) : FlowNotFound(flowId);

    /// <summary>A page of cycles.</summary>
    public static async Task<Results<Ok<CycleListView>, ProblemHttpResult>> CyclesAsync(IGrainFactory grains, string flowId, int offset = 0, int limit = 50)
    {
        if (offset < 0 || limit is < 1 or > 200)
        {
            return Problems.Invalid([new FieldError(offset < 0 ? "offset" : "limit", offset < 0 ? "offset must be 0 or more." : "limit must be between 1 and 200.")]);
        }

        return await grains.GetFlowGrain(flowId).GetCyclesAsync(offset, limit) is { } page
            ? TypedResults.Ok(new CycleListView(flowId, page.Total, offset, limit, [.. page.Cycles.Select(c => c.ToView())]))
            : FlowNotFound(flowId);
    }

    /// <summary>One cycle.</summary>
    public static async Task<Results<Ok<CycleDetailView>, ProblemHttpResult>> CycleAsync(IGrainFactory grains, string flowId, long cycle)
    {
        var flow = grains.GetFlowGrain(flowId);
        if (await flow.GetCycleAsync(cycle) is { } info)
        {
            return TypedResults.Ok(info.ToView());
        }

        return await flow.GetAsync(0) is null ? FlowNotFound(flowId) : Problems.Of(StatusCodes.Status404NotFound, "Cycle not found", $"Flow '{flowId}' has no cycle {cycle}.");
    }

    /// <summary>Starts a cycle by hand.</summary>
    public static async Task<Results<Accepted<CycleStartedResponse>, ProblemHttpResult>> StartCycleAsync(HttpRequest request, IGrainFactory grains, string flowId)
    {
        long? number = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var (body, malformed) = await JsonBody.ReadAsync(request);
            if (malformed is not null)
            {
                return malformed;
            }

            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("cycle", out var cycle) && cycle.ValueKind != JsonValueKind.Null)
            {
                if (!cycle.TryGetInt64(out var n))
                {
                    return Problems.Invalid([new FieldError("cycle", $"cycle must be a whole number; got {cycle.GetRawText()}.")]);
                }

                number = n;
            }
        }

        var result = await grains.GetFlowGrain(flowId).StartCycleAsync(number);
        return result.Succeeded
            ? TypedResults.Accepted($"/api/v1/flows/{flowId}/cycles/{result.Cycle}", new CycleStartedResponse(true, flowId, result.Cycle, result.Message))
            : Problem(result);
    }

    /// <summary>Stops a flow.</summary>
    public static async Task<Results<Ok<FlowStoppedResponse>, ProblemHttpResult>> StopAsync(IGrainFactory grains, string flowId) =>
        Answer(await grains.GetFlowGrain(flowId).StopAsync(), r => new FlowStoppedResponse(true, r.Message, FlowStatus.Stopped, r.Cycle));

    /// <summary>Resumes a flow.</summary>
    public static async Task<Results<Ok<FlowResumedResponse>, ProblemHttpResult>> ResumeAsync(IGrainFactory grains, string flowId) =>
        Answer(await grains.GetFlowGrain(flowId).ResumeAsync(), r => new FlowResumedResponse(true, r.Message, FlowStatus.Active, WireJson.Time(r.Flow?.NextCycleAt)));

    /// <summary>Stops one component of one cycle.</summary>
    public static async Task<Results<Ok<ComponentStoppedResponse>, ProblemHttpResult>> StopComponentAsync(IGrainFactory grains, string flowId, long cycle, int component) =>
        Answer(await grains.GetFlowGrain(flowId).StopComponentAsync(cycle, component), r => new ComponentStoppedResponse(true, r.Message, cycle, component));

    /// <summary>Deletes a flow.</summary>
    public static async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> DeleteAsync(IGrainFactory grains, string flowId) =>
        Answer(await grains.GetFlowGrain(flowId).DeleteAsync(), r => new MessageResponse(true, r.Message));

    /// <summary>Runs one node (seed body).</summary>
    public static async Task<Results<Accepted<NodeExecuteResponse>, ProblemHttpResult>> ExecuteNodeAsync(HttpRequest request, IGrainFactory grains, ApiSettings settings)
    {
        var (body, malformed) = await JsonBody.ReadAsync(request);
        if (malformed is not null)
        {
            return malformed;
        }

        var (flowId, node, cycle, errors) = new FlowRequestReader(body, settings.DefaultTimeZone).ReadNode();
        if (errors.Count > 0 || string.IsNullOrEmpty(flowId))
        {
            return Problems.Invalid([.. errors, .. string.IsNullOrEmpty(flowId) ? [new FieldError("flow_id", "flow_id is required: the flow the node belongs to.")] : Array.Empty<FieldError>()]);
        }

        var result = await grains.GetFlowGrain(flowId).ExecuteNodeAsync(node, cycle);
        return result.Succeeded
            ? TypedResults.Accepted($"/api/v1/nodes/{node.Id}/status",
                new NodeExecuteResponse(true, flowId, result.Cycle, node.Id, $"{flowId}:{result.Cycle}:{node.Id}", result.Message))
            : Problem(result);
    }

    /// <summary>A node's latest run.</summary>
    public static async Task<Results<Ok<NodeStatusView>, ProblemHttpResult>> NodeStatusAsync(IGrainFactory grains, string nodeId)
    {
        if (await grains.GetNodeIndexGrain(nodeId).GetAsync() is not { } where
            || await grains.GetFlowGrain(where.FlowId).GetCycleAsync(where.Cycle) is not { } cycle
            || cycle.Nodes.FirstOrDefault(n => n.NodeId == nodeId) is not { } node)
        {
            return NodeNotFound(nodeId);
        }

        return TypedResults.Ok(new NodeStatusView(cycle.FlowId, cycle.Summary.Cycle, node.ToView()));
    }

    /// <summary>Stops a node's latest run.</summary>
    public static async Task<Results<Ok<NodeStoppedResponse>, ProblemHttpResult>> StopNodeAsync(IGrainFactory grains, string nodeId)
    {
        if (await grains.GetNodeIndexGrain(nodeId).GetAsync() is not { } where)
        {
            return NodeNotFound(nodeId);
        }

        return Answer(await grains.GetFlowGrain(where.FlowId).StopComponentAsync(where.Cycle, 0), r => new NodeStoppedResponse(true, r.Message, nodeId, where.FlowId, where.Cycle));
    }

    /// <summary>Per-silo resource statistics.</summary>
    public static async Task<Ok<StatsView>> StatsAsync(IGrainFactory grains)
    {
        var silos = await grains.GetGrain<IClusterStatsGrain>(0).GetAsync();
        return TypedResults.Ok(new StatsView(
            [.. silos.Select(s => new SiloStatsView(s.Name, s.Address, s.CpuPercent, s.MemoryBytes, s.Activations, s.RunsPerSecond))],
            Math.Round(silos.Sum(s => s.RunsPerSecond), 2), silos.Sum(s => s.Activations)));
    }

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(FlowCommandResult result, Func<FlowCommandResult, T> body) =>
        result.Succeeded ? TypedResults.Ok(body(result)) : Problem(result);

    /// <summary>The problems a flow command answers: 400, 404 and 409 (<see cref="Problem"/>).</summary>
    private static RouteHandlerBuilder WithCommandProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static ProblemHttpResult Problem(FlowCommandResult result) => result.Outcome switch
    {
        CommandOutcome.Invalid => Problems.Invalid(result.Errors),
        CommandOutcome.NotFound => Problems.Of(StatusCodes.Status404NotFound, "Not found", result.Message),
        _ => Problems.Of(StatusCodes.Status409Conflict, "Conflict", result.Message),
    };

    private static ProblemHttpResult FlowNotFound(string flowId) =>
        Problems.Of(StatusCodes.Status404NotFound, "Flow not found", $"Flow '{flowId}' does not exist; register it with POST /api/v1/flows/execute.");

    private static ProblemHttpResult NodeNotFound(string nodeId) =>
        Problems.Of(StatusCodes.Status404NotFound, "Node not found", $"Node '{nodeId}' has not been run with POST /api/v1/nodes/execute.");
}

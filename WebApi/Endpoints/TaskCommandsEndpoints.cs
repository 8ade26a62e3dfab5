using System.Text.Json;
using Actors.Grains;
using Actors.WebApi.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.WebApi.Endpoints;

/// <summary><c>/api/v1/tasks/{id}</c> commands: delete, pause, resume, reorder, run now, run history.</summary>
public static class TaskCommandsEndpoints
{
    /// <summary>Maps the commands.</summary>
    public static void MapTaskCommands(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tasks").WithTags("Tasks")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{taskId}", DeleteAsync).WithName("DeleteTask").WithSummary("Delete a task; its reminder goes too and its account is freed.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{taskId}/pause", PauseAsync).WithName("PauseTask").WithSummary("Pause: no run is scheduled until resume; a run in flight finishes.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{taskId}/resume", ResumeAsync).WithName("ResumeTask").WithSummary("Resume (also from error): the first slot at or after now; returns next_execution_time.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{taskId}/reorder", ReorderAsync).WithName("ReorderTask").WithSummary("Move the next run by priority_offset seconds (negative: earlier). 409 while running.")
            .Accepts<ReorderTaskBody>("application/json").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{taskId}/run", RunNowAsync).WithName("RunTaskNow").WithSummary("Start a run now, outside the schedule.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{taskId}/runs", RunsAsync).WithName("ListTaskRuns").WithSummary("Run history, newest first, with total; limit (1-1000), offset or cursor (next_cursor of the previous page).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    /// <summary>Deletes a task.</summary>
    public static Task<Results<Ok<DeleteTaskResponse>, ProblemHttpResult>> DeleteAsync(string taskId, IGrainFactory grains) =>
        CommandAsync(taskId, g => g.DeleteAsync(), r => new DeleteTaskResponse(true, r.Message, taskId), grains);

    /// <summary>Pauses a task.</summary>
    public static Task<Results<Ok<TaskCommandResponse>, ProblemHttpResult>> PauseAsync(string taskId, IGrainFactory grains) =>
        CommandAsync(taskId, g => g.PauseAsync(), r => StatusBody(r, taskId), grains);

    /// <summary>Resumes a task.</summary>
    public static Task<Results<Ok<TaskCommandResponse>, ProblemHttpResult>> ResumeAsync(string taskId, IGrainFactory grains) =>
        CommandAsync(taskId, g => g.ResumeAsync(), r => StatusBody(r, taskId), grains);

    /// <summary>Starts a run now.</summary>
    public static Task<Results<Ok<TaskCommandResponse>, ProblemHttpResult>> RunNowAsync(string taskId, IGrainFactory grains) =>
        CommandAsync(taskId, g => g.RunNowAsync(), r => StatusBody(r, taskId), grains);

    /// <summary>Moves the next run.</summary>
    public static async Task<Results<Ok<ReorderTaskResponse>, ProblemHttpResult>> ReorderAsync(string taskId, HttpRequest request, IGrainFactory grains)
    {
        var (body, malformed) = await JsonBody.ReadAsync(request);
        if (malformed is not null)
        {
            return malformed;
        }

        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("priority_offset", out var offset)
            || offset.ValueKind != JsonValueKind.Number || !offset.TryGetInt64(out var seconds))
        {
            return Problems.Invalid([new FieldError("priority_offset", "priority_offset is required: a whole number of seconds, negative to run earlier, e.g. {\"priority_offset\": -1800}.")]);
        }

        return await CommandAsync(taskId, g => g.ReorderAsync(seconds),
            r => new ReorderTaskResponse(StatusBody(r, taskId), WireJson.Time(r.Task?.NextExecutionTime)), grains);
    }

    /// <summary>A task's run history, newest first (its run in flight included), paged by offset or cursor.</summary>
    public static async Task<Results<Ok<TaskRunsView>, ProblemHttpResult>> RunsAsync(
        string taskId, IGrainFactory grains, int limit = 100, int offset = 0, string? cursor = null)
    {
        if (RunsEndpoints.InvalidPage(limit, offset, cursor) is { } invalid)
        {
            return invalid;
        }

        if (!Guid.TryParse(taskId, out var id) || await grains.GetTaskGrain(id).GetLiveRunsAsync() is not { } live)
        {
            return Problems.NotFound(taskId);
        }

        var page = await grains.GetRunQueryGrain().ListAsync(new RunQuery { TaskId = id, Limit = limit, Offset = offset, Cursor = cursor });

        // The first page also shows what the task holds in memory: its run in flight, and records
        // on their way to the history.
        var first = offset == 0 && cursor is null;
        var unwritten = first ? live.Where(l => !page.Runs.Any(r => r.RunId == l.RunId && r.Attempt == l.Attempt)).ToArray() : [];
        var runs = unwritten.Concat(page.Runs).OrderByDescending(r => r.StartedAt).Take(limit);
        return TypedResults.Ok(new TaskRunsView(id, page.Total + unwritten.Length, [.. runs.Select(r => r.ToView())], page.NextCursor));
    }

    private static TaskCommandResponse StatusBody(CommandResult result, string taskId) =>
        new(true, result.Message, taskId, result.Task?.Status, WireJson.Time(result.Task?.NextExecutionTime), result.Task?.ToView());

    private static async Task<Results<Ok<T>, ProblemHttpResult>> CommandAsync<T>(
        string taskId, Func<ITaskGrain, Task<CommandResult>> command, Func<CommandResult, T> body, IGrainFactory grains)
    {
        if (!Guid.TryParse(taskId, out var id))
        {
            return Problems.NotFound(taskId);
        }

        var result = await command(grains.GetTaskGrain(id));
        return result.Succeeded ? TypedResults.Ok(body(result)) : Problems.From(result, id);
    }
}

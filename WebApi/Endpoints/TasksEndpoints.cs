using Actors.Grains;
using Actors.WebApi.Contracts;
using Actors.WebApi.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.WebApi.Endpoints;

/// <summary><c>/api/v1/tasks</c>: create, list, get.</summary>
public static class TasksEndpoints
{
    /// <summary>Maps the task endpoints.</summary>
    public static void MapTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tasks").WithTags("Tasks");
        group.MapPost("/", CreateAsync).WithName("CreateTask").WithSummary("Create a task (one active task per account).")
            .Accepts<CreateTaskBody>("application/json").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync).WithName("ListTasks").WithSummary("List tasks, filtered and paged.").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{taskId}", GetAsync).WithName("GetTask").WithSummary("A task with its round_num and kwargs.").ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Creates a task.</summary>
    public static async Task<Results<Ok<CreateTaskResponse>, ProblemHttpResult>> CreateAsync(HttpRequest request, IGrainFactory grains, ApiSettings settings)
    {
        var (body, malformed) = await JsonBody.ReadAsync(request);
        if (malformed is not null)
        {
            return malformed;
        }

        var reader = new TaskRequestReader(body, settings.DefaultTimeZone);
        var create = reader.Read();
        var result = await grains.GetAccountGrain(create.AccountId ?? "").CreateTaskAsync(create);
        if (!result.Succeeded)
        {
            return result.Outcome == CommandOutcome.Invalid ? Problems.Invalid(reader.AsSent(result.Errors)) : Problems.From(result, Guid.Empty);
        }

        var task = result.Task!;
        return TypedResults.Ok(new CreateTaskResponse(true, task.TaskId, result.Message, task.ToView()));
    }

    /// <summary>Lists tasks.</summary>
    public static async Task<Results<Ok<TaskListView>, ProblemHttpResult>> ListAsync(
        IGrainFactory grains, string? account_id = null, string? status = null, int limit = 100, int offset = 0)
    {
        var errors = new List<FieldError>();
        ScheduledTaskStatus? parsed = null;
        if (status is not null)
        {
            if (Enum.TryParse<ScheduledTaskStatus>(status, ignoreCase: true, out var s) && !int.TryParse(status, out _))
            {
                parsed = s;
            }
            else
            {
                errors.Add(new FieldError("status", $"status must be pending, running, paused, completed or error; got '{status}'."));
            }
        }

        if (limit is < 1 or > TaskQuery.MaxLimit)
        {
            errors.Add(new FieldError("limit", $"limit must be between 1 and {TaskQuery.MaxLimit}; got {limit}."));
        }

        if (offset < 0)
        {
            errors.Add(new FieldError("offset", $"offset must be 0 or more; got {offset}."));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var page = await grains.GetTaskQueryGrain().ListAsync(new TaskQuery { AccountId = account_id, Status = parsed, Limit = limit, Offset = offset });
        return TypedResults.Ok(new TaskListView(page.Total, [.. page.Tasks.Select(t => t.ToView())]));
    }

    /// <summary>One task.</summary>
    public static async Task<Results<Ok<TaskView>, ProblemHttpResult>> GetAsync(string taskId, IGrainFactory grains)
    {
        if (!Guid.TryParse(taskId, out var id))
        {
            return Problems.NotFound(taskId);
        }

        var task = await grains.GetTaskGrain(id).GetAsync();
        return task is null ? Problems.NotFound(taskId) : TypedResults.Ok(task.ToView());
    }
}

using Actors.Grains;
using Actors.WebApi.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.WebApi.Endpoints;

/// <summary><c>/api/v1/tasks/{id}/schedule</c>: a task's schedule in words and its next runs.</summary>
public static class ScheduleEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static void MapSchedulePreview(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/tasks/{taskId}/schedule", PreviewAsync).WithTags("Tasks").WithName("TaskSchedule")
            .WithSummary("The schedule in words and the next runs (count 1–50, default 5); none while paused, completed or in error.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>The preview.</summary>
    public static async Task<Results<Ok<SchedulePreviewView>, ProblemHttpResult>> PreviewAsync(string taskId, IGrainFactory grains, int count = 5)
    {
        if (count is < 1 or > 50)
        {
            return Problems.Invalid([new FieldError("count", $"count must be between 1 and 50; got {count}.")]);
        }

        var task = Guid.TryParse(taskId, out var id) ? await grains.GetTaskGrain(id).GetAsync() : null;
        if (task is null)
        {
            return Problems.NotFound(taskId);
        }

        var preview = await grains.GetSchedulePreviewGrain().PreviewAsync(task, count);
        return TypedResults.Ok(new SchedulePreviewView(task.TaskId, preview.Text, task.Status, [.. preview.NextRuns.Select(WireJson.Time)]));
    }
}

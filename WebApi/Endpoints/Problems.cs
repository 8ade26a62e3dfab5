using Actors.Grains;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.WebApi.Endpoints;

/// <summary>RFC 9457 problem details that also carry the seed's <c>success: false</c> and <c>error</c>.</summary>
public static class Problems
{
    /// <summary>A problem response.</summary>
    public static ProblemHttpResult Of(int status, string title, string message, IDictionary<string, object?>? extensions = null)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal) { ["success"] = false, ["error"] = message };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            fields[key] = value;
        }

        return TypedResults.Problem(message, statusCode: status, title: title, extensions: fields);
    }

    /// <summary>400 listing every invalid field.</summary>
    public static ProblemHttpResult Invalid(IEnumerable<FieldError> errors)
    {
        var list = errors.ToList();
        var message = "Invalid request: " + string.Join("; ", list.Select(e => $"{e.Field}: {e.Message}"));
        var byField = list.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => (object?)g.Select(e => e.Message).ToArray());
        return Of(StatusCodes.Status400BadRequest, "Invalid request", message, new Dictionary<string, object?> { ["errors"] = byField });
    }

    /// <summary>Maps a failed command result.</summary>
    public static ProblemHttpResult From(CommandResult result, Guid taskId) => result.Outcome switch
    {
        CommandOutcome.NotFound => NotFound(taskId.ToString()),
        CommandOutcome.Invalid => Invalid(result.Errors),
        _ => Of(StatusCodes.Status409Conflict, "Conflict", result.Message,
            result.ConflictingTaskId is { } existing ? new Dictionary<string, object?> { ["existing_task_id"] = existing.ToString() } : null),
    };

    /// <summary>404 for a task id.</summary>
    public static ProblemHttpResult NotFound(string taskId) =>
        Of(StatusCodes.Status404NotFound, "Task not found", $"task not found: {taskId}");
}

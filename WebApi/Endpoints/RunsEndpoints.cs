using Actors.Grains;
using Actors.WebApi.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.WebApi.Endpoints;

/// <summary><c>/api/v1/runs</c>: runs across tasks, for dashboards and operators.</summary>
public static class RunsEndpoints
{
    private static readonly Dictionary<string, RunOutcome> Outcomes =
        Enum.GetValues<RunOutcome>().Where(o => o != RunOutcome.Running).ToDictionary(WireJson.Name, o => o, StringComparer.Ordinal);

    /// <summary>Maps the endpoint.</summary>
    public static void MapRuns(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/runs", ListAsync).WithTags("Runs").WithName("ListRuns")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Finished runs across tasks, newest first; filters task_id, account_id, outcome, since, until; limit (1-1000), offset or cursor. total counts up to 10,000.");

    /// <summary>Lists runs.</summary>
    public static async Task<Results<Ok<RunListView>, ProblemHttpResult>> ListAsync(
        IGrainFactory grains, string? task_id = null, string? account_id = null, string? outcome = null, string? since = null, string? until = null,
        int limit = 100, int offset = 0, string? cursor = null)
    {
        var errors = new List<FieldError>();
        if (InvalidPageErrors(limit, offset, cursor) is { } pageErrors)
        {
            errors.AddRange(pageErrors);
        }

        Guid? taskId = null;
        if (task_id is not null)
        {
            if (Guid.TryParse(task_id, out var parsed))
            {
                taskId = parsed;
            }
            else
            {
                errors.Add(new FieldError("task_id", $"task_id must be a task id (a UUID); got '{task_id}'."));
            }
        }

        RunOutcome? wanted = null;
        if (outcome is not null)
        {
            if (Outcomes.TryGetValue(outcome, out var known))
            {
                wanted = known;
            }
            else
            {
                errors.Add(new FieldError("outcome", $"outcome must be one of {string.Join(", ", Outcomes.Keys)}; got '{outcome}'."));
            }
        }

        var from = Instant("since", since, errors);
        var to = Instant("until", until, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var page = await grains.GetRunQueryGrain().ListAsync(new RunQuery
        {
            TaskId = taskId, AccountId = account_id, Outcome = wanted, Since = from, Until = to, Limit = limit, Offset = offset, Cursor = cursor,
        });
        return TypedResults.Ok(new RunListView(page.Total, page.TotalIsLowerBound, [.. page.Runs.Select(r => r.ToView())], page.NextCursor));
    }

    /// <summary>A 400 for a bad page request, or null.</summary>
    public static ProblemHttpResult? InvalidPage(int limit, int offset, string? cursor) =>
        InvalidPageErrors(limit, offset, cursor) is { } errors ? Problems.Invalid(errors) : null;

    private static List<FieldError>? InvalidPageErrors(int limit, int offset, string? cursor)
    {
        var errors = new List<FieldError>();
        if (limit is < 1 or > RunQuery.MaxLimit)
        {
            errors.Add(new FieldError("limit", $"limit must be between 1 and {RunQuery.MaxLimit}; got {limit}."));
        }

        if (offset < 0)
        {
            errors.Add(new FieldError("offset", $"offset must be 0 or more; got {offset}."));
        }

        if (cursor is not null && offset != 0)
        {
            errors.Add(new FieldError("cursor", "Give either offset or cursor, not both: a cursor continues where its page ended."));
        }

        return errors.Count > 0 ? errors : null;
    }

    private static DateTimeOffset? Instant(string field, string? text, List<FieldError> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        errors.Add(new FieldError(field, $"{field} must be an ISO 8601 date-time, e.g. 2026-11-24T08:00:00Z; got '{text}'."));
        return null;
    }
}

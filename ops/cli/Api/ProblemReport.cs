using System.Text.Json.Nodes;
using Actors.Cli.Output;

namespace Actors.Cli.Api;

/// <summary>
/// A refused request as the operator reads it: the server's problem title and detail, then every
/// field error, one per line. The server decides what is wrong; this only shows it.
/// </summary>
public static class ProblemReport
{
    /// <summary>The lines to print on stderr for a response that is not a success.</summary>
    public static IReadOnlyList<string> Lines(ApiResponse response)
    {
        if (response.Json is not JsonObject problem || (problem["title"] is null && problem["error"] is null))
        {
            var excerpt = response.Body.Trim();
            return string.IsNullOrEmpty(excerpt)
                ? [$"error: the server answered {response.StatusCode} with no body."]
                : [$"error: the server answered {response.StatusCode}: {(excerpt.Length > 500 ? excerpt[..500] + "..." : excerpt)}"];
        }

        var title = JsonText.Cell(problem["title"]) ?? "Request refused";
        var detail = JsonText.Cell(problem["detail"]) ?? JsonText.Cell(problem["error"]);
        var lines = new List<string> { $"error: {title} ({response.StatusCode})" };
        var fields = problem["errors"] as JsonObject;
        if (fields is null || fields.Count == 0)
        {
            // A 400's detail is its field errors joined; those are listed one per line instead.
            if (detail is not null)
            {
                lines.Add("  " + detail);
            }
        }
        else
        {
            foreach (var (field, messages) in fields)
            {
                IEnumerable<string?> each = messages is JsonArray array ? array.Select(m => JsonText.Cell(m)) : [JsonText.Cell(messages)];
                lines.AddRange(each.Where(m => m is not null).Select(m => $"  {field}: {m}"));
            }
        }

        return lines;
    }
}

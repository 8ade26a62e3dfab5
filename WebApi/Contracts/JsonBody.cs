using System.Text.Json;
using Actors.WebApi.Endpoints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.WebApi.Contracts;

/// <summary>Reads a request body as JSON.</summary>
public static class JsonBody
{
    /// <summary>The body as a JSON element, or a 400 problem saying why it is not valid JSON.</summary>
    public static async Task<(JsonElement Body, ProblemHttpResult? Malformed)> ReadAsync(HttpRequest request)
    {
        try
        {
            return (await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: request.HttpContext.RequestAborted), null);
        }
        catch (JsonException ex)
        {
            return (default, Problems.Of(StatusCodes.Status400BadRequest, "Malformed JSON", $"The request body is not valid JSON: {ex.Message}"));
        }
    }
}

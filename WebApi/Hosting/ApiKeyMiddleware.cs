using Actors.WebApi.Endpoints;

namespace Actors.WebApi.Hosting;

/// <summary>
/// Requires a configured API key (<c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>, or the
/// console's session cookie signed in with one) on the REST API and the dashboard when any key is
/// configured; health, docs and the console's own page and assets stay open.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeys keys)
{
    /// <summary>Checks the key, or answers 401.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (!keys.Required || IsOpen(context.Request.Path) || keys.Match(GivenKey(context.Request)) is not null || ConsoleSession.IsValid(context, keys))
        {
            await next(context);
            return;
        }

        var problem = Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized",
            "A valid API key is required: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>', or sign in at /ui.");
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await problem.ExecuteAsync(context);
    }

    /// <summary>Paths that need no key: health, docs, the agents' socket (tokens of its own) and the console's page and sign-in.</summary>
    public static bool IsOpen(PathString path) =>
        path.Equals("/health", StringComparison.OrdinalIgnoreCase) || path.Equals("/api/v1/health", StringComparison.OrdinalIgnoreCase)
        || path.Equals(Agents.AgentSocketEndpoint.Path, StringComparison.OrdinalIgnoreCase) // agent tokens, not API keys
        || path.StartsWithSegments("/docs", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        || ConsoleSession.IsOpen(path);

    private static string? GivenKey(HttpRequest request)
    {
        string? given = request.Headers["X-Api-Key"];
        var authorization = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(given) && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            given = authorization["Bearer ".Length..].Trim();
        }

        return given;
    }
}

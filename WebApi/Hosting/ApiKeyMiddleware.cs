using System.Security.Cryptography;
using System.Text;
using Actors.WebApi.Endpoints;

namespace Actors.WebApi.Hosting;

/// <summary>
/// Requires a configured API key (<c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>) on the
/// REST API and the dashboard when any key is configured; health and docs stay open.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiSettings settings)
{
    private readonly byte[][] _keys = [.. settings.Api.ApiKeys.Where(k => k.Length > 0).Select(k => Encoding.UTF8.GetBytes(k))];

    /// <summary>Checks the key, or answers 401.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (_keys.Length == 0 || IsOpen(context.Request.Path) || HasValidKey(context.Request))
        {
            await next(context);
            return;
        }

        var problem = Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized",
            "A valid API key is required: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.");
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await problem.ExecuteAsync(context);
    }

    private static bool IsOpen(PathString path) =>
        path.Equals("/health", StringComparison.OrdinalIgnoreCase) || path.Equals("/api/v1/health", StringComparison.OrdinalIgnoreCase)
        || path.Equals(Agents.AgentSocketEndpoint.Path, StringComparison.OrdinalIgnoreCase) // agent tokens, not API keys
        || path.StartsWithSegments("/docs", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    private bool HasValidKey(HttpRequest request)
    {
        string? given = request.Headers["X-Api-Key"];
        var authorization = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(given) && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            given = authorization["Bearer ".Length..].Trim();
        }

        if (string.IsNullOrEmpty(given))
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(given);
        var match = false;
        foreach (var key in _keys)
        {
            match |= CryptographicOperations.FixedTimeEquals(bytes, key);
        }

        return match;
    }
}

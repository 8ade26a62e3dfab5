using System.Net;
using System.Security.Cryptography;
using System.Text;
using Actors.Grains;
using Actors.WebApi.Endpoints;
using Actors.WebApi.Hosting;

namespace Actors.WebApi.Agents;

/// <summary>
/// <c>/api/v1/agents/connect</c>: agents connect here over a WebSocket (PROTOCOL.md). With agent
/// tokens configured (<c>Actors:Api:AgentTokens</c>) the connection needs one
/// (<c>Authorization: Bearer TOKEN</c>); with none, only loopback clients may connect.
/// </summary>
public static class AgentSocketEndpoint
{
    /// <summary>The path.</summary>
    public const string Path = "/api/v1/agents/connect";

    /// <summary>Maps the endpoint.</summary>
    public static void MapAgentSocket(this IEndpointRouteBuilder app) =>
        app.Map(Path, ConnectAsync).WithTags("Agents").WithName("ConnectAgent").ExcludeFromDescription();

    private static async Task ConnectAsync(HttpContext context, IGrainFactory grains, ApiSettings settings, ILoggerFactory loggers, IHostApplicationLifetime lifetime, ApiMetrics metrics)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Problems.Of(StatusCodes.Status400BadRequest, "WebSocket required", $"Agents connect to {Path} with a WebSocket (see the agent protocol).").ExecuteAsync(context);
            return;
        }

        if (Refusal(context, settings.Api.AgentTokens) is { } refusal)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized", refusal).ExecuteAsync(context);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        using var session = new AgentSocketSession(socket, grains.GetAgentHubGrain(), loggers.CreateLogger<AgentSocketSession>());
        metrics.AgentConnected(1);
        try
        {
            await session.RunAsync(stopping.Token);
        }
        finally
        {
            metrics.AgentConnected(-1);
        }
    }

    /// <summary>Why the connection is refused, or null.</summary>
    private static string? Refusal(HttpContext context, string[] tokens)
    {
        var configured = tokens.Where(t => t.Length > 0).ToArray();
        if (configured.Length == 0)
        {
            return context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
                ? null
                : "No agent tokens are configured, so only agents on this machine may connect; configure Actors:Api:AgentTokens.";
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        var given = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8.GetBytes(authorization["Bearer ".Length..].Trim()) : [];
        var match = false;
        foreach (var token in configured)
        {
            match |= CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(token));
        }

        return match ? null : "A valid agent token is required: send 'Authorization: Bearer <token>'.";
    }
}

using Actors.WebApi.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;

namespace Actors.WebApi.Hosting;

/// <summary>The one place that turns exceptions into problem details; nothing internal leaks.</summary>
public sealed class FaultHandler(ILogger<FaultHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                Problems.Of(StatusCodes.Status413PayloadTooLarge, "Request body too large", "The request body is larger than the configured limit (Actors:Api:MaxRequestBodyBytes); send a smaller body."),
            BadHttpRequestException bad =>
                Problems.Of(bad.StatusCode, "Bad request", $"The request could not be read: {bad.Message}"),
            _ when IsStorageUnavailable(exception) =>
                Problems.Of(StatusCodes.Status503ServiceUnavailable, "Storage unavailable",
                    "The scheduler's storage (PostgreSQL) cannot be reached right now, so the request may not have taken effect; try again in a few seconds (commands are safe to repeat)."),
            _ when IsClusterUnavailable(exception) =>
                Problems.Of(StatusCodes.Status503ServiceUnavailable, "Cluster unavailable", "The scheduler cluster cannot be reached right now (no silo answered); try again shortly."),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled fault on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = Problems.Of(StatusCodes.Status500InternalServerError, "Internal error", "The server failed to handle the request; the failure is logged.");
        }
        else if (problem.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
            logger.LogWarning("{Method} {Path}: {Message}", httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        }

        await problem.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>What a 503 tells the client to wait: about how long a silo or the database takes to come back.</summary>
    private const string RetryAfterSeconds = "5";

    /// <summary>A PostgreSQL fault anywhere in the chain (Npgsql's exceptions cross from the silos as themselves).</summary>
    private static bool IsStorageUnavailable(Exception exception) => exception switch
    {
        System.Data.Common.DbException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsStorageUnavailable),
        _ => exception.InnerException is { } inner && IsStorageUnavailable(inner),
    };

    private static bool IsClusterUnavailable(Exception exception) => exception switch
    {
        OrleansMessageRejectionException or SiloUnavailableException or Orleans.Runtime.Messaging.ConnectionFailedException or Orleans.Networking.Shared.SocketConnectionException or TimeoutException or OperationCanceledException => true,
        OrleansException when exception.Message.Contains("gateway", StringComparison.OrdinalIgnoreCase) => true,
        // A grain being placed on a silo that died a moment ago: the next call places it elsewhere.
        OrleansException when exception.Message.Contains("on invalid silo", StringComparison.OrdinalIgnoreCase) => true,
        InvalidOperationException when exception.Message.Contains("client", StringComparison.OrdinalIgnoreCase)
            && exception.Message.Contains("connect", StringComparison.OrdinalIgnoreCase) => true,
        // Until a silo has been reached, the client knows no grain implementations at all.
        ArgumentException when exception.Message.StartsWith("Could not find an implementation for interface", StringComparison.Ordinal) => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsClusterUnavailable),
        _ => exception.InnerException is { } inner && IsClusterUnavailable(inner),
    };
}

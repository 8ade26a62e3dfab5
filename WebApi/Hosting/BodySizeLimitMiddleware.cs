using Actors.WebApi.Endpoints;
using Microsoft.AspNetCore.Http.Features;

namespace Actors.WebApi.Hosting;

/// <summary>
/// Refuses bodies over <c>Actors:Api:MaxRequestBodyBytes</c> with a 413 problem, from the declared
/// length before reading anything, and caps reads of undeclared (chunked) bodies at the same limit.
/// </summary>
public sealed class BodySizeLimitMiddleware(RequestDelegate next, ApiSettings settings)
{
    /// <summary>Applies the limit.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = settings.Api.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await Problems.Of(StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"The request body is {context.Request.ContentLength} bytes; the limit is {limit} (Actors:Api:MaxRequestBodyBytes).").ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}

using System.Security.Claims;
using Actors.WebApi.Endpoints;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Rewrite;

namespace Actors.WebApi.Hosting;

/// <summary>
/// The operator's console at <c>/ui</c>: its static page, and its session. With API keys configured the
/// console asks for a key once and keeps it as a session cookie (HttpOnly, SameSite=Strict, 12 h sliding);
/// the cookie opens the REST API and the Orleans dashboard like the key itself, until the key is removed
/// from the configuration.
/// </summary>
public static class ConsoleSession
{
    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "actors_session";

    private const string KeyClaim = "actors:key";

    /// <summary>The console's page and assets, and its sign-in endpoints, need no key (they hold no data).</summary>
    public static bool IsOpen(PathString path) => path.StartsWithSegments("/ui", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the request carries a session signed in with a key that is still configured.</summary>
    public static bool IsValid(HttpContext context, ApiKeys keys) =>
        context.User.Identity?.IsAuthenticated == true && keys.IsCurrent(context.User.FindFirst(KeyClaim)?.Value);

    /// <summary>Cookie sessions; an unauthenticated call answers 401 (no redirect: the console shows its own sign-in).</summary>
    public static void AddConsoleSession(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeys>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = c =>
            {
                c.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>Serves the console's files (<c>wwwroot/ui</c>) and maps its session endpoints.</summary>
    public static void UseConsole(this WebApplication app)
    {
        // Only the console's paths look for files: an API call costs no file-system lookup.
        app.UseWhen(c => IsOpen(c.Request.Path), ui =>
        {
            ui.UseRewriter(new RewriteOptions().AddRedirect("^ui$", "ui/"));
            ui.UseDefaultFiles();
            ui.UseStaticFiles(new StaticFileOptions
            {
                OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
            });
        });
        app.UseAuthentication();
    }

    /// <summary>Maps the session endpoints.</summary>
    public static void MapConsole(this WebApplication app)
    {
        var ui = app.MapGroup("/ui").WithTags("Console");
        ui.MapGet("/session", Session).WithName("ConsoleSession").WithSummary("Whether a key is required and whether this browser is signed in.");
        ui.MapPost("/login", LoginAsync).WithName("ConsoleLogin").WithSummary("Sign in with an API key; sets the HttpOnly session cookie.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        ui.MapPost("/logout", LogoutAsync).WithName("ConsoleLogout").WithSummary("Sign out (removes the session cookie).");
    }

    /// <summary>The session's state.</summary>
    public static Ok<ConsoleSessionView> Session(HttpContext context, ApiKeys keys) =>
        TypedResults.Ok(new ConsoleSessionView(keys.Required, !keys.Required || IsValid(context, keys)));

    /// <summary>Signs in with a key.</summary>
    public static async Task<Results<Ok<ConsoleSessionView>, ProblemHttpResult>> LoginAsync(ConsoleLogin login, HttpContext context, ApiKeys keys)
    {
        if (!keys.Required)
        {
            return TypedResults.Ok(new ConsoleSessionView(false, true));
        }

        if (keys.Match(login.Key) is not { } fingerprint)
        {
            return Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized", "That is not one of the configured API keys; check it and try again.");
        }

        var identity = new ClaimsIdentity([new Claim(KeyClaim, fingerprint)], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return TypedResults.Ok(new ConsoleSessionView(true, true));
    }

    /// <summary>Signs out.</summary>
    public static async Task<Ok<ConsoleSessionView>> LogoutAsync(HttpContext context, ApiKeys keys)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Ok(new ConsoleSessionView(keys.Required, !keys.Required));
    }
}

/// <summary>The console's session.</summary>
/// <param name="KeysRequired">Whether the API needs a key.</param>
/// <param name="SignedIn">Whether this browser may call the API.</param>
public sealed record ConsoleSessionView(bool KeysRequired, bool SignedIn);

/// <summary>A sign-in.</summary>
/// <param name="Key">One of the configured API keys.</param>
public sealed record ConsoleLogin(string? Key);

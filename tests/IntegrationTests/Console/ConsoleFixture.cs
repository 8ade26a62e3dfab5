using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Actors.IntegrationTests.EndToEnd;
using Actors.IntegrationTests.Support;
using Microsoft.Playwright;

namespace Actors.IntegrationTests.Console;

/// <summary>
/// A real cluster (PostgreSQL, one silo process, the Web API process with an API key configured) and a
/// real headless Chromium driven by Playwright. The browser is the machine's own <c>chromium</c>
/// (<c>ops/test</c> installs it when missing; <c>ACTORS_CHROMIUM</c> names another one).
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    /// <summary>The key the Web API requires.</summary>
    public const string ApiKey = "console-test-key-5f2c";

    private readonly PostgresServer _postgres = new();
    private IPlaywright _playwright = null!;

    /// <summary>The processes.</summary>
    public ClusterProcesses Cluster { get; private set; } = null!;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The console's address.</summary>
    public string ConsoleUrl => $"http://127.0.0.1:{Cluster.ApiPort}/ui/";

    /// <summary>Where screenshots go when <c>ACTORS_SCREENSHOTS</c> names a folder (to look at the pages).</summary>
    public static string? ScreenshotFolder => Environment.GetEnvironmentVariable("ACTORS_SCREENSHOTS");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        Cluster = await ClusterProcesses.StartAsync(_postgres.ConnectionString, 1, apiSettings: new Dictionary<string, string> { ["Actors__Api__ApiKeys__0"] = ApiKey });
        Cluster.Http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = FindChromium(), Headless = true });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Cluster.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    /// <summary>A fresh browser (own cookies) on a wide screen, its page errors collected.</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> OpenAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        return (context, page, errors);
    }

    /// <summary>Opens the console signed in (through the sign-in endpoint, as the form does).</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> OpenSignedInAsync(string hash = "#/")
    {
        var opened = await OpenAsync();
        var response = await opened.Context.APIRequest.PostAsync($"{ConsoleUrl}login", new APIRequestContextOptions { DataObject = new { key = ApiKey } });
        Assert.True(response.Ok, $"sign-in failed: {response.Status} {await response.TextAsync()}");
        await opened.Page.GotoAsync(ConsoleUrl + hash);
        return opened;
    }

    /// <summary>Creates a task through the API and returns its id.</summary>
    public Task<string> CreateTaskAsync(JsonObject request) => Cluster.CreateTaskAsync(request);

    /// <summary>A task as the API shows it.</summary>
    public async Task<JsonObject> TaskAsync(string taskId) =>
        (await Cluster.Http.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/tasks/{taskId}", UriKind.Relative)))!;

    /// <summary>Saves a screenshot of the page when <see cref="ScreenshotFolder"/> is set.</summary>
    public static async Task ShootAsync(IPage page, string name)
    {
        if (ScreenshotFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    private static string FindChromium()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("ACTORS_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c))
            ?? throw new InvalidOperationException("No Chromium found: install Debian's 'chromium' (ops/test does when it is missing) or set ACTORS_CHROMIUM to a Chromium binary.");
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Actors.IntegrationTests.Console;

/// <summary>The operator's console in a real Chromium against real processes: what an operator does with it.</summary>
public sealed partial class ConsoleBrowserTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    static ConsoleBrowserTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task ATaskCreatedThroughTheFormShowsItsFieldErrorFirstThenRunsWhileThePageWatches()
    {
        var account = "form-" + Guid.NewGuid().ToString("N")[..8];
        var (context, page, errors) = await fixture.OpenSignedInAsync("#/new");
        await using var _ = context;

        await page.FillAsync("#field-account_id", account);
        await page.FillAsync("#field-name", "made in the browser");
        await page.FillAsync("#field-interval", "0");
        await page.FillAsync("#field-timeout_seconds", "-5");
        await page.ClickAsync("#create");

        // Every invalid field at once, each at its field.
        await Expect(page.Locator("[data-error-for='interval']")).ToContainTextAsync("interval must be");
        await Expect(page.Locator("[data-error-for='timeout_seconds']")).ToContainTextAsync("timeout_seconds must be");
        await ConsoleFixture.ShootAsync(page, "4b-new-task-errors");
        Assert.Contains("#/new", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, (await fixture.Cluster.Http.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/tasks?account_id={account}", UriKind.Relative)))!["total"]!.GetValue<int>());

        await page.FillAsync("#field-interval", "1");
        await page.FillAsync("#field-timeout_seconds", "30");
        await page.ClickAsync("#create");
        await Expect(page).ToHaveURLAsync(TaskPage());
        await Expect(page.Locator("#task-title")).ToContainTextAsync("made in the browser");
        await Expect(page.Locator("#schedule-text")).ToHaveTextAsync("every 1 s (UTC)");

        // The run count rises while the same document stays loaded (no reload, no navigation).
        await page.EvaluateAsync("window.sameDocument = true");
        await Expect(page.Locator("#round-num")).Not.ToHaveTextAsync(new Regex("^$"));
        var first = int.Parse(await page.Locator("#round-num").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await page.WaitForFunctionAsync("n => Number(document.querySelector('#round-num')?.textContent) >= n", first + 2);
        Assert.True(await page.EvaluateAsync<bool>("window.sameDocument === true"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task PauseAndResumeFromTheTaskPage()
    {
        var taskId = await fixture.CreateTaskAsync(new JsonObject { ["account_id"] = "pause-" + Guid.NewGuid().ToString("N")[..8], ["interval"] = 3600, ["executor"] = "log" });
        var (context, page, errors) = await fixture.OpenSignedInAsync($"#/task/{taskId}");
        await using var _ = context;
        await Expect(page.Locator("#next-runs li")).ToHaveCountAsync(5);

        await page.ClickAsync("#pause");
        await Expect(page.Locator("#task-title .pill")).ToHaveTextAsync("paused");
        await Expect(page.Locator("#next-runs")).ToContainTextAsync("No next run while the task is paused");
        Assert.Equal("paused", (await fixture.TaskAsync(taskId))["status"]!.GetValue<string>());

        await page.ClickAsync("#resume");
        await Expect(page.Locator("#task-title .pill")).ToHaveTextAsync("pending");
        await Expect(page.Locator("#next-runs li")).ToHaveCountAsync(5);
        Assert.Equal("pending", (await fixture.TaskAsync(taskId))["status"]!.GetValue<string>());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task TheRunHistoryShowsOutcomesDurationsAndOutput()
    {
        var account = "history-" + Guid.NewGuid().ToString("N")[..8];
        var taskId = await fixture.CreateTaskAsync(new JsonObject
        {
            ["account_id"] = account, ["interval"] = 1, ["executor"] = "log", ["kwargs"] = new JsonObject { ["greeting"] = "hello from the history" },
        });
        var (context, page, errors) = await fixture.OpenSignedInAsync($"#/task/{taskId}");
        await using var _ = context;

        var rows = page.Locator("#run-history tbody tr");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#run-history tbody tr').length >= 2");
        await Expect(rows.First.Locator(".pill")).ToHaveTextAsync("succeeded");
        await Expect(rows.First.Locator("td").Nth(6)).ToHaveTextAsync(new Regex(@"^\d+(\.\d)? m?s$"));
        await rows.First.Locator("summary").ClickAsync();
        await Expect(rows.First.Locator("pre")).ToContainTextAsync("hello from the history");

        // The same runs across tasks, on the runs page filtered by the account.
        await page.GotoAsync(fixture.ConsoleUrl + $"#/runs?account_id={account}");
        await Expect(page.Locator("#all-runs tbody tr").First).ToContainTextAsync("succeeded");
        await Expect(page.Locator("#failed-runs")).ToContainTextAsync("No failed runs.");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task WithKeysTheConsoleAsksForOneOnceAndItsCookieOpensTheApiAndTheDashboard()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        var dashboardBefore = await page.GotoAsync($"http://127.0.0.1:{fixture.Cluster.ApiPort}/dashboard/");
        Assert.Equal(401, dashboardBefore!.Status);

        await page.GotoAsync(fixture.ConsoleUrl.TrimEnd('/')); // /ui redirects to /ui/
        Assert.EndsWith("/ui/", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#api-key", "not-the-key");
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await Expect(page.Locator("#sign-in-error")).ToContainTextAsync("not one of the configured API keys");

        await page.FillAsync("#api-key", ConsoleFixture.ApiKey);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await Expect(page.Locator("#counts .count").First).ToBeVisibleAsync();
        await ConsoleFixture.ShootAsync(page, "overview");

        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == "actors_session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Null(await page.EvaluateAsync<string?>("document.cookie.includes('actors_session') ? 'visible' : null"));

        // Once: a reload keeps the session; the cookie opens the dashboard and the API.
        await page.ReloadAsync();
        await Expect(page.Locator("#counts .count").First).ToBeVisibleAsync();
        Assert.Equal(200, (await page.GotoAsync($"http://127.0.0.1:{fixture.Cluster.ApiPort}/dashboard/"))!.Status);
        Assert.Equal(200, (await context.APIRequest.GetAsync($"http://127.0.0.1:{fixture.Cluster.ApiPort}/api/v1/tasks")).Status);

        await page.GotoAsync(fixture.ConsoleUrl);
        await page.ClickAsync("#sign-out");
        await Expect(page.Locator("#api-key")).ToBeVisibleAsync();
        Assert.Equal(401, (await context.APIRequest.GetAsync($"http://127.0.0.1:{fixture.Cluster.ApiPort}/api/v1/tasks")).Status);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task EveryPageShowsWhatExistsWithoutAScriptError()
    {
        var account = "pages-" + Guid.NewGuid().ToString("N")[..8];
        var taskId = await fixture.CreateTaskAsync(new JsonObject { ["account_id"] = account, ["name"] = "shown on every page", ["interval"] = 2, ["executor"] = "log" });
        var flowId = "console_flow_" + Guid.NewGuid().ToString("N")[..6];
        using var flow = await fixture.Cluster.Http.PostAsJsonAsync(new Uri("/api/v1/flows/execute", UriKind.Relative), new JsonObject
        {
            ["flow_id"] = flowId,
            ["flow_json"] = new JsonObject
            {
                ["nodes"] = new JsonArray(
                    new JsonObject { ["id"] = "extract", ["type"] = "log", ["config"] = new JsonObject { ["rows"] = 3 } },
                    new JsonObject { ["id"] = "transform", ["type"] = "log" },
                    new JsonObject { ["id"] = "load", ["type"] = "log" }),
                ["edges"] = new JsonArray(
                    new JsonObject { ["source"] = "extract", ["target"] = "transform" },
                    new JsonObject { ["source"] = "transform", ["target"] = "load" }),
            },
        });
        Assert.True(flow.IsSuccessStatusCode, await flow.Content.ReadAsStringAsync());
        using var cycle = await fixture.Cluster.Http.PostAsync(new Uri($"/api/v1/flows/{flowId}/cycles", UriKind.Relative), null);
        Assert.True(cycle.IsSuccessStatusCode, await cycle.Content.ReadAsStringAsync());

        var (context, page, errors) = await fixture.OpenSignedInAsync();
        await using var _ = context;
        await Expect(page.Locator("#silos tbody tr").First).ToContainTextAsync("active");
        await Expect(page.Locator("#health")).ToContainTextAsync("storage");
        await ConsoleFixture.ShootAsync(page, "1-overview");

        await page.GotoAsync(fixture.ConsoleUrl + $"#/tasks?account={account}");
        await Expect(page.Locator("#task-list tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#task-list")).ToContainTextAsync("shown on every page");
        await ConsoleFixture.ShootAsync(page, "2-tasks");

        await page.Locator("#task-list tbody tr").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"#/task/{taskId}$"));
        await Expect(page.Locator("#run-history tbody tr").First).ToBeVisibleAsync();
        await ConsoleFixture.ShootAsync(page, "3-task");

        await page.ClickAsync("#new-task");
        await Expect(page.Locator("#create-form")).ToBeVisibleAsync();
        await ConsoleFixture.ShootAsync(page, "4-new-task");

        await page.ClickAsync("#nav a[data-page=runs]");
        await Expect(page.Locator("#all-runs tbody tr").First).ToBeVisibleAsync();
        await ConsoleFixture.ShootAsync(page, "5-runs");

        await page.ClickAsync("#nav a[data-page=agents]");
        await Expect(page.Locator("#agent-list")).ToContainTextAsync("No agent has connected yet.");
        await ConsoleFixture.ShootAsync(page, "6-agents");

        await page.ClickAsync("#nav a[data-page=flows]");
        await Expect(page.Locator("#flow-list")).ToContainTextAsync(flowId);
        await ConsoleFixture.ShootAsync(page, "7-flows");

        await page.Locator("#flow-list tbody tr", new PageLocatorOptions { HasText = flowId }).ClickAsync();
        foreach (var node in new[] { "extract", "transform", "load" })
        {
            await Expect(page.Locator($"#flow-graph [data-node='{node}']")).ToHaveAttributeAsync("data-state", "succeeded");
        }

        await Expect(page.Locator("#cycle-nodes tbody tr")).ToHaveCountAsync(3);
        await ConsoleFixture.ShootAsync(page, "8-flow");
        Assert.Empty(errors);
    }

    [GeneratedRegex("#/task/[0-9a-f-]{36}$")]
    private static partial Regex TaskPage();
}

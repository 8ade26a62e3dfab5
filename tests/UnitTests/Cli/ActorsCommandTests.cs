using Actors.Cli;

namespace Actors.UnitTests.Cli;

/// <summary>What the command line does before it talks to any server.</summary>
public sealed class ActorsCommandTests
{
    [Theory]
    [InlineData("tasks get", "actors tasks get --help")]
    [InlineData("tasks reorder 6f1c", "actors tasks reorder --help")]
    [InlineData("tasks frobnicate", "actors tasks --help")]
    [InlineData("cron create --cron x", "actors cron create --help")]
    [InlineData("tasks list --limit many", "actors tasks list --help")]
    public async Task ABadCommandLineExitsTwoAndPointsAtTheHelp(string arguments, string help)
    {
        var (code, _, error) = await RunAsync(arguments.Split(' '));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains($"See '{help}'.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerThatIsNoUrlIsAUsageError()
    {
        var (code, _, error) = await RunAsync("--server", "not a url", "tasks", "list");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("error: --server must be an http:// or https:// URL such as http://127.0.0.1:8080; got 'not a url'.", error.Trim());
    }

    [Fact]
    public async Task TwoSchedulesAreAUsageErrorBeforeAnythingIsSent()
    {
        var (code, _, error) = await RunAsync("--server", "http://127.0.0.1:1", "tasks", "create", "--account", "a", "--interval", "60", "--daily", "09:00");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--interval and --daily", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpNamesTheCommandsTheEnvironmentAndTheExitCodes()
    {
        var (code, output, _) = await RunAsync("--help");

        Assert.Equal(ExitCodes.Success, code);
        foreach (var text in new[] { "tasks", "cron", "runs", "status", "serve", "ACTORS_URL", "ACTORS_API_KEY", "3 the server cannot be reached" })
        {
            Assert.Contains(text, output, StringComparison.Ordinal);
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ActorsCommand.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

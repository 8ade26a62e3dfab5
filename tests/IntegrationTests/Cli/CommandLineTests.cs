using System.Globalization;
using System.Text.Json.Nodes;
using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.Cli;

/// <summary>The built <c>actors</c> command line against a real cluster; each test uses accounts of its own.</summary>
public sealed class CommandLineTests(CliClusterFixture fixture) : IClassFixture<CliClusterFixture>
{
    private ActorsCli Cli => fixture.Cli;

    [Fact]
    public async Task ATaskCreatedFromOptionsIsShownByGetAndList()
    {
        var account = Account("options");

        var created = await Succeeds("tasks", "create", "--account", account, "--interval", "3600", "--executor", "log", "--kwargs", """{"user_id": "u1"}""", "--json");
        var id = created.Json["task_id"]!.GetValue<string>();
        var info = created.Json["task_info"]!;
        Assert.Equal(account, info["account_id"]!.GetValue<string>());
        Assert.Equal(3600, info["interval"]!.GetValue<int>());
        Assert.Equal("u1", info["kwargs"]!["user_id"]!.GetValue<string>());

        var get = await Succeeds("tasks", "get", id);
        Assert.Matches($"^task_id: +{id}$", Line(get.Output, "task_id:"));
        Assert.Matches($"^account_id: +{account}$", Line(get.Output, "account_id:"));

        var list = await Succeeds("tasks", "list", "--account", account);
        var lines = list.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.StartsWith("ID ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{id}  {account}  pending  every 3600s", lines[1], StringComparison.Ordinal);
        Assert.Equal("1 of 1 tasks", lines[^1]);

        var page = (await Succeeds("tasks", "list", "--account", account, "--json")).Json;
        Assert.Equal(1, page["total"]!.GetValue<int>());
        Assert.Equal(id, page["tasks"]![0]!["task_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ASeedRequestFileIsSentAsWritten()
    {
        var account = Account("file");
        var file = Path.Combine(Path.GetTempPath(), $"{account}.json");
        await File.WriteAllTextAsync(file, $$"""
            {"sys_type": "mac_intel", "xhs_account_id": "{{account}}", "xhs_account_name": "File account",
             "user_query": "start", "interval": 3600, "valid_time_range": [8, 22]}
            """);
        try
        {
            var created = await Succeeds("tasks", "create", "--file", file);

            var first = created.Output.ReplaceLineEndings("\n").Split('\n')[0];
            Assert.StartsWith("created task ", first, StringComparison.Ordinal);
            var task = (await Succeeds("tasks", "get", first["created task ".Length..], "--json")).Json;
            Assert.Equal(account, task["account_id"]!.GetValue<string>());
            Assert.Equal("File account", task["account_name"]!.GetValue<string>());
            Assert.Equal("mac_intel", task["sys_type"]!.GetValue<string>());
            Assert.Equal("start", task["kwargs"]!["user_query"]!.GetValue<string>());
            Assert.Equal("[8,22]", task["valid_time_range"]!.ToJsonString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task PauseResumeAndReorderChangeTheTask()
    {
        var id = await CreateAsync(Account("pause"), "--interval", "3600");

        var paused = await Succeeds("tasks", "pause", id);
        Assert.Matches("^status: +paused$", Line(paused.Output, "status:"));
        Assert.Equal("paused", await StatusAsync(id));

        await Succeeds("tasks", "resume", id);
        Assert.Equal("pending", await StatusAsync(id));

        var before = await NextRunAsync(id);
        var reordered = (await Succeeds("tasks", "reorder", id, "--offset", "-1800", "--json")).Json;
        Assert.True(reordered["success"]!.GetValue<bool>());
        Assert.True(await NextRunAsync(id) < before, "reorder --offset -1800 moves the next run earlier");
    }

    [Fact]
    public async Task ALogTasksRunsAreListedPerTaskAndAcrossTasks()
    {
        var id = await CreateAsync(Account("runs"), "--interval", "1", "--run-immediately", "--executor", "log");
        try
        {
            await Poll.UntilAsync(() => Cli.RunAsync("tasks", "runs", id, "--limit", "10", "--json"), r => Outcomes(r).Contains("succeeded"),
                TimeSpan.FromSeconds(60), "a succeeded run in 'tasks runs'", fixture.Cluster.Logs);
            await Poll.UntilAsync(() => Cli.RunAsync("runs", "--task", id, "--outcome", "succeeded", "--json"), r => Outcomes(r).Contains("succeeded"),
                TimeSpan.FromSeconds(60), "a succeeded run in 'runs'", fixture.Cluster.Logs);

            var table = await Succeeds("runs", "--task", id, "--outcome", "succeeded", "--limit", "1");
            var lines = table.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
            Assert.StartsWith("RUN_ID ", lines[0], StringComparison.Ordinal);
            Assert.StartsWith($"{id}:", lines[1], StringComparison.Ordinal);
            Assert.Contains("  succeeded  ", lines[1], StringComparison.Ordinal);
            Assert.Matches("^1 of (at least )?[0-9]+ runs$", lines[^1]);
        }
        finally
        {
            await Cli.RunAsync("tasks", "delete", id);
        }
    }

    [Fact]
    public async Task ADeletedTaskIsGone()
    {
        var id = await CreateAsync(Account("delete"), "--interval", "3600");

        await Succeeds("tasks", "delete", id);
        var get = await Cli.RunAsync("tasks", "get", id);

        Assert.Equal(1, get.ExitCode);
        Assert.Equal(["error: Task not found (404)", $"  task not found: {id}"], get.ErrorLines);
    }

    [Fact]
    public async Task ARefusedCreateShowsEveryFieldErrorAndExitsOne()
    {
        var refused = await Cli.RunAsync("tasks", "create", "--account", Account("refused"), "--interval", "-5", "--time-zone", "Mars/Olympus", "--executor", "nope");

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Equal("", refused.Output);
        Assert.Equal("error: Invalid request (400)", refused.ErrorLines[0]);
        Assert.Equal(["executor", "interval", "time_zone"], refused.ErrorLines.Skip(1).Select(l => l.Trim().Split(':')[0]).Order());
    }

    [Fact]
    public async Task ASecondTaskForAnAccountIsRefusedWithTheServersReason()
    {
        var account = Account("twice");
        var first = await CreateAsync(account, "--interval", "3600");

        var second = await Cli.RunAsync("tasks", "create", "--account", account, "--interval", "3600");

        Assert.Equal(1, second.ExitCode);
        Assert.Equal("error: Conflict (409)", second.ErrorLines[0]);
        Assert.Contains(first, second.ErrorLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACronJobIsATaskWithACronSchedule()
    {
        var name = Account("nightly");

        var created = await Succeeds("cron", "create", "--name", name, "--cron", "0 2 * * *", "--task-type", "backup", "--payload", """{"type": "full"}""", "--json");

        var task = created.Json["task_info"]!;
        Assert.Equal(name, task["account_id"]!.GetValue<string>());
        Assert.Equal(name, task["name"]!.GetValue<string>());
        Assert.Equal("cron", task["schedule_mode"]!.GetValue<string>());
        Assert.Equal("0 2 * * *", task["cron"]!.GetValue<string>());
        Assert.Equal("backup", task["task_type"]!.GetValue<string>());
        Assert.Equal("full", task["kwargs"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task StatusShowsHealthTheDispatcherAndTheSilos()
    {
        var status = await Succeeds("status");
        Assert.Matches("^health: +(healthy|degraded) at ", Line(status.Output, "health:"));
        Assert.StartsWith("dispatcher:", Line(status.Output, "dispatcher:"), StringComparison.Ordinal);
        Assert.Contains("silo-0", status.Output, StringComparison.Ordinal);

        var json = (await Succeeds("status", "--json")).Json;
        Assert.Equal("actors", json["status"]!["service"]!.GetValue<string>());
        Assert.True(json["dispatcher"]!["is_running"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AnUnreachableServerExitsThreeWithOneClearLine()
    {
        var nowhere = $"http://127.0.0.1:{FreePort.Next()}";

        var result = await Cli.RunAsync("--server", nowhere, "tasks", "list");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal("", result.Output);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"error: cannot reach the Actors server at {nowhere}/: ", line, StringComparison.Ordinal);
    }

    private static string Account(string purpose) => $"cli-{purpose}-{Guid.NewGuid():N}"[..24];

    private static string Line(string output, string prefix) =>
        output.ReplaceLineEndings("\n").Split('\n').First(l => l.StartsWith(prefix, StringComparison.Ordinal));

    private static string[] Outcomes(CliResult result) =>
        result.ExitCode == 0 ? [.. result.Json["runs"]!.AsArray().Select(r => r!["outcome"]!.GetValue<string>())] : [];

    private async Task<CliResult> Succeeds(params string[] arguments)
    {
        var result = await Cli.RunAsync(arguments);
        Assert.True(result.ExitCode == 0, $"actors {string.Join(' ', arguments)}: {result}");
        return result;
    }

    private async Task<string> CreateAsync(string account, params string[] options) =>
        (await Succeeds(["tasks", "create", "--account", account, .. options, "--json"])).Json["task_id"]!.GetValue<string>();

    private async Task<string> StatusAsync(string id) => (await Succeeds("tasks", "get", id, "--json")).Json["status"]!.GetValue<string>();

    private async Task<DateTimeOffset> NextRunAsync(string id) =>
        DateTimeOffset.Parse((await Succeeds("tasks", "get", id, "--json")).Json["next_execution_time"]!.GetValue<string>(), CultureInfo.InvariantCulture);
}

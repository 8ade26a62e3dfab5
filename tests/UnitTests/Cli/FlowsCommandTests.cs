using Actors.Cli;

namespace Actors.UnitTests.Cli;

/// <summary>What each <c>actors flows</c> command sends, and how it ends when the server or the command line refuses.</summary>
public sealed class FlowsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("actors-flows-").FullName;

    [Theory]
    [InlineData("flows list", "GET /api/v1/flows")]
    [InlineData("flows list --status stopped --q ab_c --offset 10 --limit 5", "GET /api/v1/flows?status=stopped&q=ab_c&offset=10&limit=5")]
    [InlineData("flows status f.1", "GET /api/v1/flows/f.1/status")]
    [InlineData("flows cycles f1 --offset 2 --limit 3", "GET /api/v1/flows/f1/cycles?offset=2&limit=3")]
    [InlineData("flows cycle f1 7", "GET /api/v1/flows/f1/cycles/7")]
    [InlineData("flows run f1", "POST /api/v1/flows/f1/cycles")]
    [InlineData("flows stop f1", "POST /api/v1/flows/f1/stop")]
    [InlineData("flows resume f1", "POST /api/v1/flows/f1/resume")]
    [InlineData("flows stop-component f1 3 1", "POST /api/v1/flows/f1/cycles/3/components/1/stop")]
    [InlineData("flows delete f1", "DELETE /api/v1/flows/f1")]
    public async Task EachCommandSendsItsRequest(string arguments, string request)
    {
        using var server = new RecordingServer(200, """{"success": true, "message": "ok"}""");

        var (code, _, error) = await RunAsync([.. arguments.Split(' '), "--server", server.Url]);

        Assert.Equal((ExitCodes.Success, ""), (code, error));
        Assert.Equal([(request, "")], server.Requests);
    }

    [Fact]
    public async Task RunWithACycleNumberSendsIt()
    {
        using var server = new RecordingServer(202, """{"success": true, "flow_id": "f1", "cycle": 5, "message": "cycle 5 started"}""");

        var (code, output, _) = await RunAsync("flows", "run", "f1", "--cycle", "5", "--server", server.Url);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal([("POST /api/v1/flows/f1/cycles", """{"cycle":5}""")], server.Requests);
        Assert.Equal("cycle 5 started\nflow_id:  f1\ncycle:    5\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ExecuteSendsTheFileAsWritten()
    {
        var file = Path.Combine(_folder, "flow.json");
        await File.WriteAllTextAsync(file, """{"flow_id": "f1", "cycle_interval": "1m", "flow_json": {"nodes": [{"id": "a", "type": "log"}], "edges": []}}""");
        using var server = new RecordingServer(201, """{"success": true, "flow_id": "f1", "created": true, "nodes": 1, "components": 1, "next_cycle_at": "2026-11-25T02:00:00.000Z", "message": "Flow registered"}""");

        var (code, output, _) = await RunAsync("flows", "execute", file, "--server", server.Url);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(
            [("POST /api/v1/flows/execute", """{"flow_id":"f1","cycle_interval":"1m","flow_json":{"nodes":[{"id":"a","type":"log"}],"edges":[]}}""")],
            server.Requests);
        Assert.Equal("created flow f1\nnodes:          1\ncomponents:     1\nnext_cycle_at:  2026-11-25T02:00:00.000Z\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task JsonPrintsTheServersAnswerAsSent()
    {
        const string Answer = """{"success": true, "message": "Flow deleted"}""";
        using var server = new RecordingServer(200, Answer);

        var (code, output, _) = await RunAsync("flows", "delete", "f1", "--json", "--server", server.Url);

        Assert.Equal((ExitCodes.Success, Answer + "\n"), (code, output.ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task ARefusedDefinitionExitsOneWithEveryFieldError()
    {
        using var server = new RecordingServer(400, """
            {"title": "Invalid flow", "status": 400, "success": false, "error": "Invalid flow",
             "errors": {"flow_json.edges[0].target": ["unknown node 'z'"], "flow_json.edges": ["cycle: a → b → a"]}}
            """);
        var file = Path.Combine(_folder, "bad.json");
        await File.WriteAllTextAsync(file, "{}");

        var (code, _, error) = await RunAsync("flows", "execute", file, "--server", server.Url);

        Assert.Equal(ExitCodes.Refused, code);
        Assert.Equal("error: Invalid flow (400)\n  flow_json.edges[0].target: unknown node 'z'\n  flow_json.edges: cycle: a → b → a\n", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task AConflictExitsOneWithTheServersMessage()
    {
        using var server = new RecordingServer(409, """{"title": "Conflict", "status": 409, "success": false, "error": "cycle 3 is running"}""");

        var (code, _, error) = await RunAsync("flows", "run", "f1", "--server", server.Url);

        Assert.Equal((ExitCodes.Refused, "error: Conflict (409)\n  cycle 3 is running\n"), (code, error.ReplaceLineEndings("\n")));
    }

    [Theory]
    [InlineData("flows cycle f1 seven", "actors flows cycle --help")]
    [InlineData("flows cycle f1", "actors flows cycle --help")]
    [InlineData("flows list --status paused", "actors flows list --help")]
    [InlineData("flows stop-component f1 3", "actors flows stop-component --help")]
    [InlineData("flows run f1 --cycle next", "actors flows run --help")]
    [InlineData("flows pause f1", "actors flows --help")]
    public async Task ABadCommandLineExitsTwoBeforeAnythingIsSent(string arguments, string help)
    {
        using var server = new RecordingServer(200, "{}");

        var (code, _, error) = await RunAsync([.. arguments.Split(' '), "--server", server.Url]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"See '{help}'.", error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AFlowFileThatIsNotJsonIsAUsageError()
    {
        var file = Path.Combine(_folder, "flow.json");
        await File.WriteAllTextAsync(file, "{nodes: [");
        using var server = new RecordingServer(200, "{}");

        var (code, _, error) = await RunAsync("flows", "execute", file, "--server", server.Url);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith($"error: the flow file {file} is not valid JSON: ", error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AMissingFlowFileIsAUsageError()
    {
        var (code, _, error) = await RunAsync("flows", "execute", Path.Combine(_folder, "none.json"), "--server", "http://127.0.0.1:1");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("error: cannot read the flow file ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerThatIsNotThereExitsThree()
    {
        var (code, _, error) = await RunAsync("flows", "list", "--server", "http://127.0.0.1:1");

        Assert.Equal(ExitCodes.Unreachable, code);
        Assert.StartsWith("error: cannot reach the Actors server at http://127.0.0.1:1/", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpNamesTheFlowsCommands()
    {
        var (_, root, _) = await RunAsync("--help");
        var (code, flows, _) = await RunAsync("flows", "--help");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("flows", root, StringComparison.Ordinal);
        foreach (var command in new[] { "execute <file>", "list", "status <id>", "cycles <id>", "cycle <id> <cycle>", "run <id>", "stop <id>", "resume <id>", "stop-component <id> <cycle> <component>", "delete <id>" })
        {
            Assert.Contains(command, flows, StringComparison.Ordinal);
        }
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ActorsCommand.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

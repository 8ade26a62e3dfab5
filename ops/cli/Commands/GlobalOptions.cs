using System.CommandLine;
using Actors.Cli.Api;

namespace Actors.Cli.Commands;

/// <summary>
/// <c>--server</c>, <c>--api-key</c> and <c>--json</c>, valid on every command, and the one place an
/// API command's action is wrapped: the session it talks through, usage errors (exit 2) and an
/// unreachable server (exit 3) as one line each.
/// </summary>
public sealed class GlobalOptions
{
    /// <summary>Where the Web API listens when neither <c>--server</c> nor <c>ACTORS_URL</c> says.</summary>
    public const string DefaultServer = "http://127.0.0.1:8080";

    /// <summary>The environment variable that sets the server.</summary>
    public const string ServerVariable = "ACTORS_URL";

    /// <summary>The environment variable that sets the API key.</summary>
    public const string ApiKeyVariable = "ACTORS_API_KEY";

    /// <summary><c>--server URL</c>.</summary>
    public Option<string> Server { get; } = new("--server")
    {
        Description = $"The Actors Web API (env {ServerVariable})",
        HelpName = "URL",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } url ? url : DefaultServer,
    };

    /// <summary><c>--api-key KEY</c>; no default value, so help never prints a key taken from the environment.</summary>
    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"API key sent as 'Authorization: Bearer KEY' (env {ApiKeyVariable})",
        HelpName = "KEY",
        Recursive = true,
    };

    /// <summary><c>--json</c>.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the server's JSON instead of a table",
        Recursive = true,
    };

    /// <summary>Adds the options to the root command (they apply to every subcommand).</summary>
    public void AddTo(Command root)
    {
        root.Options.Add(Server);
        root.Options.Add(ApiKey);
        root.Options.Add(Json);
    }

    /// <summary>Makes <paramref name="action"/>, which talks to the server through a session, the command's action.</summary>
    public void SetAction(Command command, Func<CliSession, ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var apiKey = parse.GetValue(ApiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable);
                using var client = new ActorsClient(parse.GetValue(Server) ?? DefaultServer, apiKey);
                return await action(new CliSession(client, output, error, parse.GetValue(Json)), parse, cancellationToken);
            }
            catch (UsageException ex)
            {
                await error.WriteLineAsync("error: " + ex.Message);
                return ExitCodes.Usage;
            }
            catch (ServerUnreachableException ex)
            {
                await error.WriteLineAsync("error: " + ex.Message);
                return ExitCodes.Unreachable;
            }
        });
}

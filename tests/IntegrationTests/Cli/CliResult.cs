using System.Text.Json.Nodes;

namespace Actors.IntegrationTests.Cli;

/// <summary>What one run of the command line did: its exit code and what it printed.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Standard output as JSON (after <c>--json</c>).</summary>
    public JsonNode Json => JsonNode.Parse(Output) ?? throw new InvalidOperationException("The command printed JSON null.");

    /// <summary>Standard error's lines.</summary>
    public string[] ErrorLines => Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Output}stderr:{Environment.NewLine}{Error}";
}

using System.Text.Json.Nodes;
using Actors.Cli.Api;

namespace Actors.Cli.Commands;

/// <summary>One command's connection to the server and its output: tables by default, the server's JSON with <c>--json</c>.</summary>
public sealed class CliSession(ActorsClient client, TextWriter output, TextWriter error, bool json)
{
    /// <summary>The server.</summary>
    public ActorsClient Client => client;

    /// <summary>Standard output.</summary>
    public TextWriter Out => output;

    /// <summary>Whether <c>--json</c> was given.</summary>
    public bool Json => json;

    /// <summary>
    /// Shows the answer: on success the server's JSON as sent (<c>--json</c>) or what
    /// <paramref name="render"/> makes of it; otherwise the server's problem. Returns the exit code.
    /// </summary>
    public int Show(ApiResponse response, Action<JsonNode, TextWriter> render)
    {
        if (!response.IsSuccess)
        {
            return Refused(response);
        }

        if (json)
        {
            output.WriteLine(response.Body);
        }
        else
        {
            render(response.Json ?? new JsonObject(), output);
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// A refused request: its problem and every field error on stderr (and with <c>--json</c> the
    /// problem document on stdout too); exit code 1.
    /// </summary>
    public int Refused(ApiResponse response)
    {
        if (json && response.Json is not null)
        {
            output.WriteLine(response.Body);
        }

        Report(response);
        return ExitCodes.Refused;
    }

    /// <summary>Writes the server's problem and every field error to stderr.</summary>
    public void Report(ApiResponse response)
    {
        foreach (var line in ProblemReport.Lines(response))
        {
            error.WriteLine(line);
        }
    }
}

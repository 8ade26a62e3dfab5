using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Cli.Commands;

namespace Actors.Cli.Flows;

/// <summary>
/// A flow definition file (<c>-</c> for standard input), read as JSON and sent as written: whether the
/// flow is valid is the server's to say, and it says every problem at once.
/// </summary>
public static class FlowFile
{
    /// <summary>The file's JSON; a <see cref="UsageException"/> when it cannot be read or is not JSON.</summary>
    public static JsonNode Read(string path, TextReader standardInput)
    {
        var source = path == "-" ? "the flow on standard input" : $"the flow file {path}";
        string text;
        try
        {
            text = path == "-" ? standardInput.ReadToEnd() : File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {source}: {ex.Message}");
        }

        try
        {
            return JsonNode.Parse(text) ?? throw new UsageException($"{source} holds JSON null; it must be a flow definition object.");
        }
        catch (JsonException ex)
        {
            throw new UsageException($"{source} is not valid JSON: {ex.Message}");
        }
    }
}

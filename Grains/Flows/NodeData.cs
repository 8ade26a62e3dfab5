using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.Grains.Flows;

/// <summary>Data along edges, pure: what a node receives as <c>inputs</c>, and a node's output as JSON.</summary>
public static class NodeData
{
    /// <summary>
    /// The inputs of <paramref name="nodeId"/>: per incoming edge, under its <c>target_handle</c> (or the
    /// source node's id), the source's output at its <c>source_handle</c> (the property of that name when
    /// the output is an object that has it, else the whole output). Several edges into one key give an array.
    /// An upstream node without output (one that did not succeed, for an <c>all_done</c> node) gives null.
    /// </summary>
    public static JsonObject Inputs(FlowDefinition definition, string nodeId, Func<string, string?> outputOf)
    {
        var inputs = new JsonObject();
        var many = new HashSet<string>(StringComparer.Ordinal);
        foreach (var edge in definition.Edges.Where(e => e.Target == nodeId))
        {
            var value = Carried(outputOf(edge.Source), edge.SourceHandle);
            var key = edge.TargetHandle ?? edge.Source;
            if (!inputs.ContainsKey(key))
            {
                inputs[key] = value;
            }
            else if (many.Add(key))
            {
                var first = inputs[key];
                inputs.Remove(key);
                inputs[key] = new JsonArray(first, value);
            }
            else
            {
                inputs[key]!.AsArray().Add(value);
            }
        }

        return inputs;
    }

    /// <summary>
    /// A node's output as JSON text from what its executor produced: <c>http</c> and others, the
    /// text if it is JSON, else <c>{"text": ...}</c>; an agent, the JSON on the last non-empty line of
    /// its output, else <c>{"text": ...}</c>; <c>log</c>, its config.
    /// </summary>
    public static string Output(string executor, string configJson, string? produced)
    {
        if (executor == "log")
        {
            return configJson;
        }

        var text = produced ?? "";
        if (IsJson(text))
        {
            return text;
        }

        if (executor == Agents.AgentExecutor.ExecutorName && text.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) is { } last && IsJson(last))
        {
            return last;
        }

        return new JsonObject { ["text"] = text }.ToJsonString();
    }

    private static JsonNode? Carried(string? outputJson, string? handle)
    {
        if (outputJson is null)
        {
            return null;
        }

        var output = JsonNode.Parse(outputJson);
        return handle is not null && output is JsonObject o && o.TryGetPropertyValue(handle, out var value) ? value?.DeepClone() : output;
    }

    /// <summary>True when <paramref name="text"/> is one JSON value.</summary>
    public static bool IsJson([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

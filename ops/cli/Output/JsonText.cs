using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.Cli.Output;

/// <summary>JSON values as table cells: strings as they are, null as nothing, anything else as compact JSON.</summary>
public static class JsonText
{
    // Text in a terminal, not in a page: "开始" stays as it is rather than \u5F00\u59CB.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The cell text of <paramref name="node"/>.</summary>
    public static string? Cell(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonArray { Count: 0 } => null,
        _ => node.ToJsonString(Readable),
    };

    /// <summary>The cell text of <paramref name="name"/> in <paramref name="node"/>.</summary>
    public static string? Cell(JsonNode? node, string name) => node is JsonObject o ? Cell(o[name]) : null;

    /// <summary>Every field of an object as a two-column table without a header (nested objects as JSON).</summary>
    public static TextTable Fields(JsonObject json)
    {
        var table = new TextTable("field", "value") { ShowHeader = false };
        foreach (var (name, value) in json)
        {
            table.AddRow(name + ":", Cell(value));
        }

        return table;
    }
}

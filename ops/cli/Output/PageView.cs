using System.Text.Json.Nodes;

namespace Actors.Cli.Output;

/// <summary>A page of a list answer (<c>{"total": N, "tasks": [...]}</c>, <c>{"total": N, "runs": [...]}</c>) as a table.</summary>
public static class PageView
{
    /// <summary>
    /// One row per item of <paramref name="items"/> (no table when there is none), then a line saying how
    /// many of how many (<c>2 of 7 tasks</c>; <c>of at least</c> when the server counted only so far).
    /// </summary>
    public static void Write(JsonNode page, string items, TextTable table, Func<JsonNode?, string?[]> row, TextWriter output)
    {
        var list = page[items] as JsonArray ?? new JsonArray();
        foreach (var item in list)
        {
            table.AddRow(row(item));
        }

        if (table.Count > 0)
        {
            table.WriteTo(output);
        }

        var atLeast = page["total_is_lower_bound"] is JsonValue bound && bound.TryGetValue<bool>(out var lower) && lower ? "at least " : "";
        output.WriteLine($"{list.Count} of {atLeast}{JsonText.Cell(page, "total") ?? "?"} {items}");
    }
}

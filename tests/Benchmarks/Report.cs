using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Actors.Benchmarks;

/// <summary>The readable table.</summary>
public static class Report
{
    /// <summary>
    /// One row per metric, grouped by scenario; a list (a series over time) gets one row per
    /// element, and a list or map element is shown as compact JSON.
    /// </summary>
    public static string Table(IEnumerable<Dictionary<string, object>> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | metric | value |");
        text.AppendLine("| --- | --- | --- |");
        foreach (var result in results)
        {
            foreach (var (key, value) in result.Where(r => r.Key is not ("scenario" or "date")))
            {
                if (value is IEnumerable list and not string and not IDictionary)
                {
                    var i = 0;
                    foreach (var item in list)
                    {
                        text.AppendLine(CultureInfo.InvariantCulture, $"| {result["scenario"]} | {key}[{i++}] | {Cell(item)} |");
                    }

                    if (i == 0)
                    {
                        text.AppendLine(CultureInfo.InvariantCulture, $"| {result["scenario"]} | {key} | (none) |");
                    }

                    continue;
                }

                text.AppendLine(CultureInfo.InvariantCulture, $"| {result["scenario"]} | {key} | {Cell(value)} |");
            }
        }

        return text.ToString();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        string s => s,
        IEnumerable => JsonSerializer.Serialize(value),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

using System.Globalization;
using System.Text;

namespace Actors.Benchmarks;

/// <summary>The readable table.</summary>
public static class Report
{
    /// <summary>One row per metric, grouped by scenario.</summary>
    public static string Table(IEnumerable<Dictionary<string, object>> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | metric | value |");
        text.AppendLine("| --- | --- | --- |");
        foreach (var result in results)
        {
            foreach (var (key, value) in result.Where(r => r.Key is not ("scenario" or "date")))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {result["scenario"]} | {key} | {Convert.ToString(value, CultureInfo.InvariantCulture)} |");
            }
        }

        return text.ToString();
    }
}

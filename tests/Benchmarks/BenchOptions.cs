using System.Globalization;

namespace Actors.Benchmarks;

/// <summary>Command-line options.</summary>
public sealed record BenchOptions(Uri Api, string[] Scenarios, int Tasks, double Minutes, int ApiCreates, int ListTasks, int[] SiloPids)
{
    /// <summary>Parses <c>--api URL --scenario S --tasks N --minutes D --api-creates N --list-tasks N --silo-pids 1,2</c>.</summary>
    public static BenchOptions Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var scenario = Get("--scenario", "all");
        return new BenchOptions(
            new Uri(Get("--api", "http://127.0.0.1:8080")),
            scenario == "all" ? ["api", "list", "schedule"] : scenario.Split(','),
            int.Parse(Get("--tasks", "50000"), CultureInfo.InvariantCulture),
            double.Parse(Get("--minutes", "5"), CultureInfo.InvariantCulture),
            int.Parse(Get("--api-creates", "5000"), CultureInfo.InvariantCulture),
            int.Parse(Get("--list-tasks", "100000"), CultureInfo.InvariantCulture),
            [.. Get("--silo-pids", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))]);
    }
}

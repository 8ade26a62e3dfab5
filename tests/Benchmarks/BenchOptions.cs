using System.Globalization;

namespace Actors.Benchmarks;

/// <summary>Command-line options.</summary>
public sealed record BenchOptions(Uri Api, string[] Scenarios, int Tasks, double Minutes, int ApiCreates, int ListTasks, int[] SiloPids)
{
    /// <summary>Whether <c>--tasks</c> was given (scenarios with their own default use <see cref="TasksOr"/>).</summary>
    public bool TasksGiven { get; init; }

    /// <summary>The repository root (<c>--root</c>): where <c>ops/</c> and the built silo are.</summary>
    public string Root { get; init; } = "";

    /// <summary>The benchmark's data directory (<c>--data</c>): PostgreSQL in <c>pg/</c>, its port, <c>logs/</c>.</summary>
    public string Data { get; init; } = "";

    /// <summary>The cluster's PostgreSQL connection string (<c>--postgres</c>).</summary>
    public string Postgres { get; init; } = "";

    /// <summary>How long the outage scenario keeps PostgreSQL down (<c>--outage-seconds</c>, default 30).</summary>
    public double OutageSeconds { get; init; } = 30;

    /// <summary>How many silos a scenario that owns its silos starts (<c>--silos</c>, default 1; restart).</summary>
    public int Silos { get; init; } = 1;

    /// <summary>Past runs each task of the schedule scenario starts with (<c>--history</c>, default 100).</summary>
    public int History { get; init; } = 100;

    /// <summary>The tasks' interval in seconds (<c>--interval</c>; 0 = the scenario's own default).</summary>
    public int IntervalSeconds { get; init; }

    /// <summary>How many flows the flows scenario registers (<c>--flows</c>, default 500).</summary>
    public int Flows { get; init; } = 500;

    /// <summary>How many nodes each flow of the flows scenario has (<c>--nodes</c>, default 10).</summary>
    public int Nodes { get; init; } = 10;

    /// <summary>The pid of the Web API ops/bench started (<c>--api-pid</c>; 0 when it started none).</summary>
    public int ApiPid { get; init; }

    /// <summary>
    /// Parses <c>--api URL --scenario S --tasks N --minutes D --api-creates N --list-tasks N
    /// --silo-pids 1,2 --api-pid P --root DIR --data DIR --postgres CONNSTR --outage-seconds S --silos N --history N --interval S --flows N --nodes N</c>.
    /// </summary>
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
            [.. Get("--silo-pids", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))])
        {
            TasksGiven = args.Contains("--tasks"),
            Root = Get("--root", ""),
            Data = Get("--data", ""),
            Postgres = Get("--postgres", ""),
            OutageSeconds = double.Parse(Get("--outage-seconds", "30"), CultureInfo.InvariantCulture),
            Silos = int.Parse(Get("--silos", "1"), CultureInfo.InvariantCulture),
            ApiPid = int.Parse(Get("--api-pid", "0"), CultureInfo.InvariantCulture),
            History = int.Parse(Get("--history", "100"), CultureInfo.InvariantCulture),
            IntervalSeconds = int.Parse(Get("--interval", "0"), CultureInfo.InvariantCulture),
            Flows = int.Parse(Get("--flows", "500"), CultureInfo.InvariantCulture),
            Nodes = int.Parse(Get("--nodes", "10"), CultureInfo.InvariantCulture),
        };
    }

    /// <summary><see cref="Tasks"/> when <c>--tasks</c> was given, else <paramref name="fallback"/>.</summary>
    public int TasksOr(int fallback) => TasksGiven ? Tasks : fallback;

    /// <summary>The <c>--interval</c> given, else <paramref name="fallbackSeconds"/>.</summary>
    public int IntervalOr(int fallbackSeconds) => IntervalSeconds > 0 ? IntervalSeconds : fallbackSeconds;

    /// <summary>Throws with a clear message when an option a scenario needs is missing.</summary>
    public static void Require(string scenario, params (string Name, string Value)[] needed)
    {
        var missing = needed.Where(n => string.IsNullOrWhiteSpace(n.Value)).Select(n => n.Name).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException($"the {scenario} scenario needs {string.Join(", ", missing)} (ops/bench passes them)");
        }
    }
}

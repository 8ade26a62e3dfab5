using System.Globalization;

namespace Actors.Benchmarks;

/// <summary>CPU seconds and peak memory of processes, read from /proc.</summary>
public static class ProcessStats
{
    private static readonly double TicksPerSecond = 100;

    /// <summary>user+system CPU seconds of a process (0 if gone).</summary>
    public static double CpuSeconds(int pid) => CpuSeconds(pid, withReapedChildren: false);

    /// <summary>user+system CPU seconds of a process and of its children it has waited for (an agent's finished runs).</summary>
    public static double CpuSecondsWithChildren(int pid) => CpuSeconds(pid, withReapedChildren: true);

    /// <summary>
    /// CPU seconds of every PostgreSQL process on the machine, including backends that have exited
    /// (the postmaster reaps them, so their time is in its children's counters): a connection
    /// closed during a measurement neither vanishes from it nor makes it negative.
    /// </summary>
    public static double PostgresCpuSeconds() => Directory.EnumerateDirectories("/proc")
        .Select(Path.GetFileName)
        .Where(name => int.TryParse(name, out _))
        .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
        .Where(pid => ReadComm(pid) == "postgres")
        .Sum(pid => CpuSeconds(pid, withReapedChildren: true));

    /// <summary>
    /// CPU seconds of the benchmark's own PostgreSQL (the postmaster of <c>DATA/pg</c>, the backends it
    /// reaped, and its live backends); every PostgreSQL on the machine when there is no data directory.
    /// </summary>
    /// <remarks>
    /// Not <see cref="PostgresCpuSeconds()"/> alone: on a machine shared with test runs,
    /// their throwaway servers start and exit during the window, and a server that exits takes its
    /// CPU seconds with it (a first run here measured -0.1 s).
    /// </remarks>
    public static double PostgresCpuSeconds(string data)
    {
        var pidFile = Path.Combine(data, "pg", "postmaster.pid");
        if (data.Length == 0 || !File.Exists(pidFile))
        {
            return PostgresCpuSeconds();
        }

        var postmaster = int.Parse(File.ReadLines(pidFile).First().Trim(), CultureInfo.InvariantCulture);
        var backends = Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == postmaster);
        return CpuSecondsWithChildren(postmaster) + backends.Sum(CpuSeconds);
    }

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static double CpuSeconds(int pid, bool withReapedChildren)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            if (withReapedChildren)
            {
                ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
            }

            return ticks / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Whether process <paramref name="pid"/> exists and is not a zombie (it has not exited).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0] != "Z";
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Peak resident memory (VmHWM) in MiB.</summary>
    public static double PeakRssMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static string ReadComm(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }
}

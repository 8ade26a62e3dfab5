using System.Diagnostics;
using System.Globalization;

namespace Actors.Benchmarks;

/// <summary>
/// A process the benchmark starts in a session (and so a process group) of its own, with its
/// output appended to a log file. Whatever it forks stays in that group, so stopping the group
/// stops all of it, even after the process itself has exited (a silo started by a script).
/// Every group is also appended to a file (<see cref="RecordGroupsIn"/>) that ops/bench reads on
/// its way out, so nothing survives the benchmark being killed.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private static readonly Lock Gate = new();
    private static readonly List<ChildProcess> Started = [];
    private static string? _groupsFile;

    private readonly Process _process;

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        Pid = process.Id;
    }

    /// <summary>What it is, for messages.</summary>
    public string Name { get; }

    /// <summary>Its pid, which is also its process group id.</summary>
    public int Pid { get; }

    /// <summary>Whether the process itself (not necessarily its group) has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Its exit code once it has exited.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Appends the group id of every process started from now on to <paramref name="path"/>.</summary>
    public static void RecordGroupsIn(string path)
    {
        lock (Gate)
        {
            _groupsFile = path;
        }
    }

    /// <summary>Starts <paramref name="file"/> with <paramref name="args"/> in a new session, output appended to <paramref name="logPath"/>.</summary>
    public static ChildProcess Start(string name, string logPath, IReadOnlyDictionary<string, string> environment, string file, params string[] args)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        // setsid execs in place (the child of a .NET process is never a group leader), and so do env
        // and sh: the pid we get is the pid of the program itself. env restores SIGINT, which is
        // ignored when this program runs in the background of a script (ops/bench), so that a
        // script started here (ops/add-silo) can trap Ctrl-C as it does in a terminal.
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var arg in new[] { "env", "--default-signal=INT", "sh", "-c", "log=$1; shift; exec \"$@\" </dev/null >>\"$log\" 2>&1", "sh", logPath, file }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {name}");
        var child = new ChildProcess(name, process);
        lock (Gate)
        {
            Started.Add(child);
            if (_groupsFile is not null)
            {
                File.AppendAllText(_groupsFile, child.Pid.ToString(CultureInfo.InvariantCulture) + "\n");
            }
        }

        return child;
    }

    /// <summary>Whether any live (not zombie) process is left in its group.</summary>
    public bool GroupAlive() => GroupHasMembers(Pid);

    /// <summary>Sends a signal (TERM, INT, KILL) to the process itself.</summary>
    public void Signal(string signal) => SendSignal(signal, Pid.ToString(CultureInfo.InvariantCulture));

    /// <summary>Sends a signal to every process in its group.</summary>
    public void SignalGroup(string signal) => SendSignal(signal, "-" + Pid.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Sends a signal to every process in each of <paramref name="children"/>' groups with one
    /// kill(1), so they all get it within microseconds of each other (a power cut, not a sequence).
    /// </summary>
    public static void SignalGroups(string signal, IEnumerable<ChildProcess> children) =>
        SendSignal(signal, [.. children.Select(c => "-" + c.Pid.ToString(CultureInfo.InvariantCulture))]);

    /// <summary>Waits until no process is left in its group; false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitForGroupExitAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (GroupAlive())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    /// <summary>
    /// Waits until the process itself has exited and been reaped, so <see cref="HasExited"/> is
    /// true (it lags the group check by a moment); false when <paramref name="timeout"/> passed first.
    /// </summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM to the group, then SIGKILL if anything is left after <paramref name="grace"/>; true if it went on TERM.</summary>
    public async Task<bool> StopAsync(TimeSpan grace)
    {
        if (!GroupAlive())
        {
            return true;
        }

        SignalGroup("TERM");
        if (await WaitForGroupExitAsync(grace))
        {
            return true;
        }

        SignalGroup("KILL");
        await WaitForGroupExitAsync(TimeSpan.FromSeconds(10));
        return false;
    }

    /// <summary>
    /// Stops every group this process started (TERM, then KILL after <paramref name="grace"/>).
    /// Synchronous, so it can run from a signal handler or at exit.
    /// </summary>
    public static void StopAll(TimeSpan grace)
    {
        ChildProcess[] all;
        lock (Gate)
        {
            all = [.. Started];
        }

        var alive = all.Where(c => c.GroupAlive()).ToList();
        foreach (var child in alive)
        {
            Console.Error.WriteLine($"[bench] stopping {child.Name} (process group {child.Pid})");
            child.SignalGroup("TERM");
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(grace.TotalSeconds * Stopwatch.Frequency);
        while (alive.Any(c => c.GroupAlive()) && Stopwatch.GetTimestamp() < deadline)
        {
            Thread.Sleep(100);
        }

        foreach (var child in alive.Where(c => c.GroupAlive()))
        {
            child.SignalGroup("KILL");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _process.Dispose();

    private static void SendSignal(string signal, params string[] targets)
    {
        if (targets.Length == 0)
        {
            return;
        }

        var info = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in new[] { "-s", signal, "--" }.Concat(targets))
        {
            info.ArgumentList.Add(arg);
        }

        using var kill = Process.Start(info);
        kill?.WaitForExit(5000);
    }

    private static bool GroupHasMembers(int group)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _))
            {
                continue;
            }

            try
            {
                // Fields after "(comm) ": state, ppid, pgrp.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] != "Z" && int.Parse(fields[2], CultureInfo.InvariantCulture) == group)
                {
                    return true;
                }
            }
            catch (IOException)
            {
                // The process went away while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        return false;
    }
}

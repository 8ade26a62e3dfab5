using System.Net;
using System.Net.Sockets;

namespace Actors.Benchmarks;

/// <summary>
/// Silos the benchmark starts and owns itself (the chaos scenario kills and restarts them), with
/// the environment ops/lib.sh's <c>start_silo</c> gives a silo. Each keeps the ports it was given
/// first, so a restarted silo comes back where it was; its output is appended to
/// <c>DATA/logs/silo-I.log</c>.
/// </summary>
public sealed class OwnedSilos : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly string _dll;
    private readonly string _logs;
    private readonly string _postgres;
    private readonly (int Silo, int Gateway)[] _ports;
    private readonly ChildProcess?[] _current;

    /// <summary>Picks free ports for <paramref name="count"/> silos; starts none.</summary>
    public OwnedSilos(BenchOptions options, int count)
    {
        _dll = Path.Combine(options.Root, "Silo", "bin", "Release", "net10.0", "Actors.Silo.dll");
        _logs = Path.Combine(options.Data, "logs");
        _postgres = options.Postgres;
        var taken = new HashSet<int>();
        _ports = [.. Enumerable.Range(0, count).Select(i => (FreePort(11411 + i, taken), FreePort(30411 + i, taken)))];
        _current = new ChildProcess?[count];
    }

    /// <summary>How many silos.</summary>
    public int Count => _ports.Length;

    /// <summary>The silo name of slot <paramref name="index"/> (its <c>Actors__Silo__Name</c>).</summary>
    public static string Name(int index) => $"silo-{index}";

    /// <summary>Whether the process of slot <paramref name="index"/> is running.</summary>
    public bool IsRunning(int index)
    {
        lock (_gate)
        {
            return _current[index] is { HasExited: false };
        }
    }

    /// <summary>The processes of the slots that are running now.</summary>
    public IReadOnlyList<ChildProcess> Running
    {
        get
        {
            lock (_gate)
            {
                return [.. _current.OfType<ChildProcess>().Where(c => !c.HasExited)];
            }
        }
    }

    /// <summary>The exit code of slot <paramref name="index"/>'s last process, if it has exited.</summary>
    public int? ExitCode(int index)
    {
        lock (_gate)
        {
            return _current[index]?.ExitCode;
        }
    }

    /// <summary>Starts (or restarts) slot <paramref name="index"/> on its ports.</summary>
    public void Start(int index)
    {
        var (silo, gateway) = _ports[index];
        var environment = new Dictionary<string, string>
        {
            ["Actors__Postgres"] = _postgres,
            ["Actors__Silo__SiloPort"] = silo.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Actors__Silo__GatewayPort"] = gateway.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Actors__Silo__Name"] = Name(index),
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        lock (_gate)
        {
            if (_current[index] is { HasExited: false })
            {
                throw new InvalidOperationException($"{Name(index)} is already running");
            }

            _current[index]?.Dispose();
            _current[index] = ChildProcess.Start(Name(index), Path.Combine(_logs, $"{Name(index)}.log"), environment, "dotnet", _dll);
            Console.Error.WriteLine($"[bench] {Name(index)} started as pid {_current[index]!.Pid} (silo port {silo}, gateway {gateway})");
        }
    }

    /// <summary>kill -9 of slot <paramref name="index"/>'s process; returns once it is gone.</summary>
    public async Task KillAsync(int index)
    {
        ChildProcess? child;
        lock (_gate)
        {
            child = _current[index];
        }

        if (child is null)
        {
            return;
        }

        child.SignalGroup("KILL");
        await child.WaitForGroupExitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Stops every silo with SIGTERM, then SIGKILL after 30 s.</summary>
    public async ValueTask DisposeAsync()
    {
        ChildProcess?[] all;
        lock (_gate)
        {
            all = [.. _current];
        }

        await Task.WhenAll(all.OfType<ChildProcess>().Select(c => c.StopAsync(TimeSpan.FromSeconds(30))));
        foreach (var child in all)
        {
            child?.Dispose();
        }
    }

    private static int FreePort(int from, HashSet<int> taken)
    {
        for (var port = from; port < from + 1000; port++)
        {
            if (taken.Contains(port))
            {
                continue;
            }

            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                listener.Stop();
                taken.Add(port);
                return port;
            }
            catch (SocketException)
            {
                // In use: try the next one.
            }
        }

        throw new InvalidOperationException($"no free port in {from}-{from + 999}");
    }
}

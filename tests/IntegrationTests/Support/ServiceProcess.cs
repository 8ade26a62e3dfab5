using System.Collections.Concurrent;
using System.Diagnostics;

namespace Actors.IntegrationTests.Support;

/// <summary>A real silo or Web API process started by a test, with its output kept for failure messages.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private readonly StreamWriter? _log;

    private ServiceProcess(string name, Process process)
    {
        Name = name;
        _process = process;

        // For diagnosis: ACTORS_TEST_LOGS=DIR keeps every line each process printed, one file per process.
        if (Environment.GetEnvironmentVariable("ACTORS_TEST_LOGS") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            _log = new StreamWriter(Path.Combine(dir, $"{DateTime.UtcNow:HHmmss.fff}-{name}.log")) { AutoFlush = true };
        }
    }

    /// <summary>A name for messages.</summary>
    public string Name { get; }

    /// <summary>Whether it is still running.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>The last lines it printed.</summary>
    public string Tail => string.Join(Environment.NewLine, _output.TakeLast(60));

    /// <summary>Starts <c>dotnet {dll}</c> with the given environment.</summary>
    public static ServiceProcess Start(string name, string dll, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        if (Environment.GetEnvironmentVariable("ACTORS_TEST_LOG_LEVEL") is { Length: > 0 } level)
        {
            info.Environment["Logging__LogLevel__Actors"] = level;
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var service = new ServiceProcess(name, process);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>kill -9: no shutdown, no cleanup, like a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>The exit code (once exited).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>SIGTERM, as an operator's Ctrl-C or a service manager stops it: a graceful stop.</summary>
    public void Terminate()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
            kill.WaitForExit();
        }
    }

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        if (_log is not null)
        {
            await _log.DisposeAsync();
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        lock (_output)
        {
            _log?.WriteLine(line);
        }

        while (_output.Count > 500)
        {
            _output.TryDequeue(out _);
        }
    }
}

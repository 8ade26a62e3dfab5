using System.Globalization;

namespace Actors.Benchmarks;

/// <summary>
/// The Web API, started and owned by the benchmark (the restart scenario kills it) with the
/// environment ops/bench gives it, listening where <c>--api</c> says; its output is appended to
/// <c>DATA/logs/webapi.log</c>.
/// </summary>
public sealed class OwnedWebApi(BenchOptions options) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly string _dll = Path.Combine(options.Root, "WebApi", "bin", "Release", "net10.0", "Actors.WebApi.dll");
    private readonly string _log = Path.Combine(options.Data, "logs", "webapi.log");
    private ChildProcess? _current;

    /// <summary>Its process while it runs (null before the first start).</summary>
    public ChildProcess? Process
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Starts (or restarts) it on the <c>--api</c> port.</summary>
    public void Start()
    {
        var environment = new Dictionary<string, string>
        {
            ["Actors__Postgres"] = options.Postgres,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{options.Api.Port.ToString(CultureInfo.InvariantCulture)}",
            ["Actors__Api__RateLimitPerSecond"] = "10000000",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        lock (_gate)
        {
            if (_current is { HasExited: false })
            {
                throw new InvalidOperationException("the Web API is already running");
            }

            _current?.Dispose();
            _current = ChildProcess.Start("webapi", _log, environment, "dotnet", _dll);
            Console.Error.WriteLine($"[bench] webapi started as pid {_current.Pid} on {options.Api}");
        }
    }

    /// <summary>Stops it with SIGTERM, then SIGKILL after 30 s.</summary>
    public async ValueTask DisposeAsync()
    {
        var child = Process;
        if (child is not null)
        {
            await child.StopAsync(TimeSpan.FromSeconds(30));
            child.Dispose();
        }
    }
}

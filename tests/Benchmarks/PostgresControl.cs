using System.Diagnostics;

namespace Actors.Benchmarks;

/// <summary>
/// Stops and starts the benchmark's own PostgreSQL (in <c>DATA/pg</c>) through ops/lib.sh, so it
/// comes back exactly as ops/bench started it (same port, options, <c>ACTORS_PG_OPTS</c>, and as the
/// postgres user when run as root).
/// </summary>
public sealed class PostgresControl(string root, string data)
{
    /// <summary>An immediate shutdown (no checkpoint: the next start does crash recovery). Returns pg_ctl's exit code.</summary>
    public Task<int> StopImmediateAsync() =>
        RunAsync("source \"$0/ops/lib.sh\" && pg_run \"$PG_BIN/pg_ctl\" -D \"$1/pg\" -m immediate -w -t 60 stop >/dev/null");

    /// <summary>Starts it again with <c>start_local_postgres</c>. Returns the exit code.</summary>
    public Task<int> StartAsync() =>
        RunAsync("source \"$0/ops/lib.sh\" && start_local_postgres \"$1\" >/dev/null");

    private async Task<int> RunAsync(string script)
    {
        var info = new ProcessStartInfo("bash") { UseShellExecute = false };
        foreach (var arg in new[] { "-c", script, root, data })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start bash");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return -1;
        }
    }
}

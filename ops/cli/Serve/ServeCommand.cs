using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Actors.Cli.Serve;

/// <summary>
/// <c>actors serve</c>: the whole system, as <c>ops/run</c> starts it (PostgreSQL, silos, Web API). It runs
/// the checkout's <c>ops/run</c> with the same options and stops it as Ctrl-C would.
/// </summary>
public static class ServeCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var command = new Command("serve",
            "Start the whole system as ops/run does, in the foreground; its options are passed on: "
            + "--api-port P, --silos N, --data DIR, --postgres CONNSTR, --no-build. Ctrl-C or SIGTERM stops everything.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parse, _) =>
        {
            var run = OpsRunLocator.Find(AppContext.BaseDirectory, Environment.CurrentDirectory);
            if (run is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(
                    "error: cannot find ops/run: 'actors serve' starts the system from an Actors checkout; run it from inside one (or use ops/run there).");
                return ExitCodes.Usage;
            }

            return await RunAsync(run, [.. parse.UnmatchedTokens]);
        });
        return command;
    }

    private static async Task<int> RunAsync(string run, string[] arguments)
    {
        // ops/run gets a session of its own, so a Ctrl-C reaches this process only, which passes on
        // exactly one SIGTERM: ops/run traps it and stops everything in order (the Web API, then
        // one silo at a time, then PostgreSQL). A second signal would cut that clean-up short.
        using var process = Process.Start(new ProcessStartInfo("setsid", ["bash", run, .. arguments]) { UseShellExecute = false })
            ?? throw new InvalidOperationException($"could not start {run}");
        var stopping = 0;
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            if (Interlocked.Exchange(ref stopping, 1) == 0 && !process.HasExited)
            {
                using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
                kill?.WaitForExit();
            }
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await process.WaitForExitAsync(CancellationToken.None);
        return process.ExitCode;
    }
}

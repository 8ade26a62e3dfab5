using System.Diagnostics;
using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.Cli;

/// <summary>The built <c>actors</c> command line, run as a process against one server, as an operator runs it.</summary>
public sealed class ActorsCli(string server)
{
    /// <summary>Runs <c>actors</c> with <paramref name="arguments"/> and waits (at most a minute) for it to exit.</summary>
    public async Task<CliResult> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet", [RepoPaths.CliDll, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ACTORS_URL"] = server;
        info.Environment.Remove("ACTORS_API_KEY");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the command line.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"actors {string.Join(' ', arguments)} did not exit within 60 s.");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Actors.Cli.Agent;

/// <summary>
/// One run on this agent: the offer's command as a process, the payload on its standard input and
/// the run's identity in its environment; killed with its whole process tree at its timeout or on
/// a cancel. Its result is what the server is told.
/// </summary>
public sealed class AgentProcess(JsonObject offer, string agentName) : IDisposable
{
    /// <summary>Output kept: the last 4 KB of standard output and error together.</summary>
    public const int MaxOutput = 4096;

    private readonly CancellationTokenSource _cancel = new();
    private string? _cancelReason;

    /// <summary>The run id.</summary>
    public string RunId { get; } = offer["run_id"]!.GetValue<string>();

    /// <summary>The attempt.</summary>
    public int Attempt { get; } = offer["attempt"]!.GetValue<int>();

    /// <summary>The fencing token of the offer.</summary>
    public string Token { get; } = offer["token"]!.GetValue<string>();

    /// <summary>Kills the process tree (a cancel from the server).</summary>
    public void Cancel(string reason)
    {
        _cancelReason = reason;
        _cancel.Cancel();
    }

    /// <inheritdoc />
    public void Dispose() => _cancel.Dispose();

    /// <summary>Runs the process to its end and returns the result message.</summary>
    public async Task<JsonObject> RunAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var timeout = TimeSpan.FromSeconds(offer["timeout_seconds"]?.GetValue<int>() ?? 300);
        var command = offer["command"]?.AsArray().Select(c => c!.GetValue<string>()).ToArray() ?? [];
        var output = new StringBuilder();
        var result = new JsonObject { ["type"] = "result", ["run_id"] = RunId, ["attempt"] = Attempt, ["token"] = Token };
        using var process = new Process { StartInfo = StartInfo(command) };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            result["exit_code"] = null;
            result["error"] = $"Could not start '{string.Join(' ', command)}': {ex.Message}";
            return result;
        }

        var stdout = new StringBuilder();
        var reading = Task.WhenAll(Keep(process.StandardOutput, output, stdout), Keep(process.StandardError, output));
        await WritePayloadAsync(process);
        using var timer = new CancellationTokenSource(timeout);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, _cancel.Token);
        try
        {
            await process.WaitForExitAsync(either.Token);
            await reading;
            result["exit_code"] = process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            result["exit_code"] = null;
            result["timed_out"] = timer.IsCancellationRequested && !_cancel.IsCancellationRequested;
            if (_cancel.IsCancellationRequested)
            {
                result["error"] = $"Cancelled by the server: {_cancelReason}";
            }
        }

        lock (output)
        {
            result["output"] = output.ToString();
        }

        if (LastLine(stdout) is { } last)
        {
            result["result"] = last;
        }

        result["duration_ms"] = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return result;
    }

    private ProcessStartInfo StartInfo(string[] command)
    {
        var info = new ProcessStartInfo(command.Length > 0 ? command[0] : "")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        if (offer["working_dir"]?.GetValue<string>() is { Length: > 0 } directory)
        {
            info.WorkingDirectory = directory;
        }

        foreach (var (name, value) in offer["env"]?.AsObject() ?? [])
        {
            info.Environment[name] = value?.GetValue<string>();
        }

        info.Environment["ACTORS_RUN_ID"] = RunId;
        info.Environment["ACTORS_TASK_ID"] = offer["task_id"]?.GetValue<string>();
        info.Environment["ACTORS_ROUND"] = offer["round"]?.ToString();
        info.Environment["ACTORS_ATTEMPT"] = Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["ACTORS_AGENT"] = agentName;
        return info;
    }

    private async Task WritePayloadAsync(Process process)
    {
        try
        {
            await process.StandardInput.WriteAsync((offer["payload"] ?? new JsonObject()).ToJsonString());
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process does not read its input (or already exited).
        }
    }

    /// <summary>Appends what <paramref name="reader"/> gives to <paramref name="output"/> (and to <paramref name="only"/>), keeping the last 4 KB of each.</summary>
    private static async Task Keep(StreamReader reader, StringBuilder output, StringBuilder? only = null)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            foreach (var target in only is null ? [output] : new[] { output, only })
            {
                lock (target)
                {
                    target.Append(buffer, 0, read);
                    if (target.Length > MaxOutput)
                    {
                        target.Remove(0, target.Length - MaxOutput);
                    }
                }
            }
        }
    }

    /// <summary>The last non-empty line of standard output, or null.</summary>
    private static string? LastLine(StringBuilder stdout)
    {
        lock (stdout)
        {
            return stdout.ToString().Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0);
        }
    }
}

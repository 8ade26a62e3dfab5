namespace Actors.Grains.Agents;

/// <summary>Maps how a process ended on an agent to a run's outcome: exit code 0 succeeds, a timeout is <c>timed_out</c>, anything else fails with why.</summary>
public static class AgentOutcomes
{
    /// <summary>The outcome of <paramref name="result"/>; <paramref name="streamed"/> output stands in when the result carries none.</summary>
    public static AgentRunStatus Of(AgentRunResult result, int? timeoutSeconds, string? streamed)
    {
        var output = string.IsNullOrEmpty(result.Output) ? NullIfEmpty(streamed) : result.Output;
        if (result.TimedOut)
        {
            var limit = timeoutSeconds is { } t ? $" after {t} s" : "";
            return new AgentRunStatus { Outcome = RunOutcome.TimedOut, Output = output, Result = result.Result, Error = $"Timed out{limit}; the agent killed the process tree." };
        }

        if (result.ExitCode == 0 && result.Error is null)
        {
            return new AgentRunStatus { Outcome = RunOutcome.Succeeded, Output = output, Result = result.Result };
        }

        var why = result.Error ?? $"The process exited with code {result.ExitCode}.";
        return new AgentRunStatus { Outcome = RunOutcome.Failed, Output = output, Result = result.Result, Error = why };
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}

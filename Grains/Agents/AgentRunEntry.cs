using System.Text;

namespace Actors.Grains.Agents;

/// <summary>One attempt in the hub: its work, where it stands, who holds it with which token, and how it ended.</summary>
internal sealed class AgentRunEntry(AgentWork? work, DateTimeOffset now)
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The work (null: adopted from an agent's reconnect before its executor queued it again).</summary>
    public AgentWork? Work { get; set; } = work;

    /// <summary>Where it stands.</summary>
    public AgentRunState State { get; private set; } = AgentRunState.Waiting;

    /// <summary>The agent offered or running it.</summary>
    public string? Agent { get; private set; }

    /// <summary>The fencing token of the current offer.</summary>
    public string? Token { get; private set; }

    /// <summary>When it entered its state.</summary>
    public DateTimeOffset Since { get; private set; } = now;

    /// <summary>How it ended.</summary>
    public AgentRunStatus? Ended { get; private set; }

    /// <summary>Whether an agent's result ended it (a repeat of that result is answered with its outcome).</summary>
    public bool EndedByAgent { get; private set; }

    /// <summary>Streamed output lines, kept to the last 4 KB.</summary>
    public StringBuilder Log { get; } = new();

    /// <summary>Completes when the state changes.</summary>
    public Task Changed => _changed.Task;

    /// <summary>Offered (or, adopted on reconnect, running) to <paramref name="agent"/> with <paramref name="token"/>.</summary>
    public void Assign(string agent, string token, AgentRunState state, DateTimeOffset now) => Move(state, now, agent, token);

    /// <summary>The agent accepted the offer.</summary>
    public void Start(DateTimeOffset now) => Move(AgentRunState.Running, now, Agent, Token);

    /// <summary>Back in the queue (an offer expired or was declined).</summary>
    public void Requeue(DateTimeOffset now) => Move(AgentRunState.Waiting, now, null, null);

    /// <summary>Ended with <paramref name="status"/>.</summary>
    public void End(AgentRunStatus status, bool byAgent, DateTimeOffset now)
    {
        Ended = status with { State = AgentRunState.Finished, Agent = Agent };
        EndedByAgent = byAgent;
        Move(AgentRunState.Finished, now, Agent, Token);
    }

    /// <summary>The status its executor sees.</summary>
    public AgentRunStatus Status() => Ended ?? new AgentRunStatus { State = State, Agent = Agent };

    /// <summary>Appends output, keeping the last 4 KB.</summary>
    public void Append(string text)
    {
        Log.Append(text);
        if (Log.Length > 4096)
        {
            Log.Remove(0, Log.Length - 4096);
        }
    }

    private void Move(AgentRunState state, DateTimeOffset now, string? agent, string? token)
    {
        State = state;
        Agent = agent;
        Token = token;
        Since = now;
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }
}

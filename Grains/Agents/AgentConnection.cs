namespace Actors.Grains.Agents;

/// <summary>An agent's live session in the hub: its epoch, when it was last heard from, and the messages waiting for it.</summary>
internal sealed class AgentConnection(long epoch, DateTimeOffset now)
{
    private readonly Queue<AgentMessage> _outbox = new();
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The session's epoch.</summary>
    public long Epoch { get; } = epoch;

    /// <summary>When it connected.</summary>
    public DateTimeOffset ConnectedSince { get; } = now;

    /// <summary>When it was last heard from.</summary>
    public DateTimeOffset LastHeard { get; set; } = now;

    /// <summary>When its connection closed or it went silent (null: online).</summary>
    public DateTimeOffset? LostAt { get; set; }

    /// <summary>Whether it is online.</summary>
    public bool Online => LostAt is null;

    /// <summary>Queues a message and wakes the poller.</summary>
    public void Send(AgentMessage message)
    {
        _outbox.Enqueue(message);
        _signal.TrySetResult();
    }

    /// <summary>Waits up to <paramref name="wait"/> for messages and takes them all.</summary>
    public async Task<AgentMessage[]> TakeAsync(TimeSpan wait)
    {
        if (_outbox.Count == 0)
        {
            var signal = _signal.Task;
            await Task.WhenAny(signal, Task.Delay(wait));
        }

        var messages = _outbox.ToArray();
        _outbox.Clear();
        if (_signal.Task.IsCompleted)
        {
            _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return messages;
    }

    /// <summary>Wakes a waiting poller with nothing (the session ended).</summary>
    public void Close() => _signal.TrySetResult();
}

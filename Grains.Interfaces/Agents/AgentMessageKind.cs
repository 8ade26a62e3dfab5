namespace Actors.Grains;

/// <summary>The kinds of <see cref="AgentMessage"/>.</summary>
[GenerateSerializer, Alias("actors.agent-message-kind")]
public enum AgentMessageKind
{
    /// <summary>A run to accept within a few seconds.</summary>
    Offer = 0,

    /// <summary>Stop a run: kill its process tree.</summary>
    Cancel = 1,

    /// <summary>No new offers; finish what runs.</summary>
    Drain = 2,

    /// <summary>Finish and disconnect.</summary>
    Shutdown = 3,
}

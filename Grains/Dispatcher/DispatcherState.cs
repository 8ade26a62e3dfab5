namespace Actors.Grains.Dispatcher;

/// <summary>The persisted dispatcher switch and the tasks waiting for it.</summary>
public sealed class DispatcherState
{
    /// <summary>Runs may start. A new cluster starts running.</summary>
    public bool IsRunning { get; set; } = true;

    /// <summary>When the switch last changed.</summary>
    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>Tasks that came due while stopped.</summary>
    public HashSet<Guid> Deferred { get; set; } = [];
}

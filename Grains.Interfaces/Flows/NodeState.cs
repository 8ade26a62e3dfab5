namespace Actors.Grains;

/// <summary>Where a node is in one cycle.</summary>
[GenerateSerializer, Alias("actors.node-state")]
public enum NodeState
{
    /// <summary>Not started: waiting for its upstream nodes (or for a retry).</summary>
    Pending = 0,

    /// <summary>An attempt is in flight.</summary>
    Running = 1,

    /// <summary>Finished well; its output goes downstream.</summary>
    Succeeded = 2,

    /// <summary>Its last attempt failed, timed out or was abandoned.</summary>
    Failed = 3,

    /// <summary>Never run: its component failed fast before it was due.</summary>
    Skipped = 4,

    /// <summary>Never run: a node it depends on did not succeed.</summary>
    UpstreamFailed = 5,

    /// <summary>Cancelled or never run because its flow or component was stopped.</summary>
    Stopped = 6,
}

namespace Actors.Grains;

/// <summary>What happens to a slot that comes due while the previous run is still going.</summary>
[GenerateSerializer, Alias("actors.overlap-policy")]
public enum OverlapPolicy
{
    /// <summary>The slot is recorded as skipped (the default).</summary>
    Skip = 0,

    /// <summary>At most one slot waits and runs as soon as the current run ends.</summary>
    QueueOne = 1,
}

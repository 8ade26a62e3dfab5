namespace Actors.Grains;

/// <summary>What started a run.</summary>
[GenerateSerializer, Alias("actors.run-trigger")]
public enum RunTrigger
{
    /// <summary>Its slot came due.</summary>
    Schedule = 0,

    /// <summary>The latest of several missed slots (downtime, a stopped dispatcher), run late within its grace.</summary>
    CatchUp = 1,

    /// <summary>A later attempt of a round whose attempt failed.</summary>
    Retry = 2,

    /// <summary>A slot that came due during the previous run, run after it (overlap policy queue_one).</summary>
    Queued = 3,

    /// <summary>Run now, asked for by a caller.</summary>
    Manual = 4,
}

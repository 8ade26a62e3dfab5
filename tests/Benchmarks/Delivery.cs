namespace Actors.Benchmarks;

/// <summary>
/// One webhook delivery as the receiver saw it: which run and attempt, on which path, when it
/// arrived, when and what the receiver answered (499 when the caller went away before the answer).
/// </summary>
public sealed record Delivery(string RunId, string TaskId, int Attempt, string Path, DateTimeOffset ScheduledAt, DateTimeOffset ArrivedAt, int Status, DateTimeOffset AnsweredAt)
{
    /// <summary>Whether the receiver answered 2xx to the caller.</summary>
    public bool Answered2xx => Status is >= 200 and < 300;
}

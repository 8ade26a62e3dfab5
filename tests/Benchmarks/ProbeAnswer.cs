namespace Actors.Benchmarks;

/// <summary>
/// One call of the outage probe and what came back: the HTTP status (0: no answer within the
/// client's timeout, or the connection failed), how long it took, whether a problem document
/// (JSON with <c>title</c>) and a <c>Retry-After</c> header came with it, and for <c>/health</c> the
/// overall and the storage check's status.
/// </summary>
public sealed record ProbeAnswer(
    string Call, string Target, DateTimeOffset At, double Milliseconds, int Status, bool HasRetryAfter, bool HasProblemTitle,
    string? HealthStatus, string? StorageStatus, string? CreatedTaskId)
{
    /// <summary>Whether the call asks for a change (a create or a pause).</summary>
    public bool IsWrite => Call is "create" or "pause";

    /// <summary>Whether the API acknowledged it (2xx).</summary>
    public bool Acknowledged => Status is >= 200 and < 300;

    /// <summary>A write as the README promises it during an outage: 503, a problem document, Retry-After.</summary>
    public bool WriteAsPromised => Status == 503 && HasProblemTitle && HasRetryAfter;

    /// <summary><c>/health</c> as promised during an outage: 503 <c>unhealthy</c>, naming <c>storage</c> unhealthy.</summary>
    public bool HealthAsPromised => Status == 503 && HealthStatus == "unhealthy" && StorageStatus == "unhealthy";
}

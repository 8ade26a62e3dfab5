namespace Actors.Grains.Tasks;

/// <summary>The decision after an attempt: what follows, and the task's counters after it.</summary>
/// <param name="Next">What follows.</param>
/// <param name="RoundNum">Finished rounds after this attempt.</param>
/// <param name="ConsecutiveFailures">Failed rounds in a row after this attempt.</param>
/// <param name="Retry">The next attempt, when <paramref name="Next"/> is <see cref="AfterAttempt.Retry"/>.</param>
/// <param name="NextRunAt">The next slot (a manual run of an idle task picks its series up again).</param>
public sealed record AttemptDecision(AfterAttempt Next, long RoundNum, int ConsecutiveFailures, PendingRetry? Retry, DateTimeOffset? NextRunAt);

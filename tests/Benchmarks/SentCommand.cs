namespace Actors.Benchmarks;

/// <summary>
/// A pause, resume or reorder the chaos client sent, and the HTTP status it got (0: no answer).
/// Only a 200 is acknowledged; a 4xx was refused; a 5xx or no answer may or may not have taken effect.
/// </summary>
public sealed record SentCommand(string TaskId, string Kind, DateTimeOffset SentAt, int Status)
{
    /// <summary>Whether the API acknowledged it (200).</summary>
    public bool Acknowledged => Status == 200;

    /// <summary>Whether it may have taken effect without being acknowledged.</summary>
    public bool Uncertain => Status == 0 || Status >= 500;
}

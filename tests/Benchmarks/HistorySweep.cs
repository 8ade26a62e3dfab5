namespace Actors.Benchmarks;

/// <summary>What one pass over every task's run history saw: the attempts, and how many tasks could not be read.</summary>
public sealed record HistorySweep(IReadOnlyList<ObservedRun> Runs, int Failed);

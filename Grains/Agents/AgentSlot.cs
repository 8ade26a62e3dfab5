namespace Actors.Grains.Agents;

/// <summary>
/// An agent as the dispatch sees it: what it has (<paramref name="Labels"/>), what it runs
/// (<paramref name="TaskTypes"/>; empty: any), how many runs it takes at once and has in flight,
/// and whether it may be offered anything (online and not draining).
/// </summary>
public sealed record AgentSlot(string Name, IReadOnlySet<string> Labels, IReadOnlySet<string> TaskTypes, int MaxConcurrent, int InFlight, bool Available)
{
    /// <summary>Runs it can still take.</summary>
    public int Free => Available ? Math.Max(0, MaxConcurrent - InFlight) : 0;
}

namespace Actors.Grains.Tasks;

/// <summary>What to do with a slot that has come due.</summary>
/// <param name="RunSlot">The slot to run now, or null to run nothing.</param>
/// <param name="SkippedSlots">Slots that are skipped and only counted.</param>
/// <param name="FirstSkipped">The earliest skipped slot, when any.</param>
/// <param name="Next">The slot to wake for next; null when the schedule has ended.</param>
/// <param name="Reason">Why slots were skipped.</param>
public sealed record DueDecision(DateTimeOffset? RunSlot, long SkippedSlots, DateTimeOffset? FirstSkipped, DateTimeOffset? Next, string? Reason);

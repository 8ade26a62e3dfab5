namespace Actors.Grains.Placement;

/// <summary>How task grains follow the cluster's membership.</summary>
public sealed class TaskPlacementOptions
{
    /// <summary>
    /// How long a stopping silo spends handing its tasks to the others and letting its attempts in
    /// flight finish before Orleans deactivates what is left.
    /// </summary>
    public TimeSpan HandOffWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often every local task's place is checked even without a membership change.</summary>
    public TimeSpan CheckPeriod { get; set; } = TimeSpan.FromSeconds(30);
}

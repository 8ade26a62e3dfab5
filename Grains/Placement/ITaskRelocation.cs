namespace Actors.Grains.Placement;

/// <summary>How the rebalancer asks a task grain on this silo to move to where it belongs.</summary>
[Alias("actors.ITaskRelocation")]
internal interface ITaskRelocation : IGrainWithGuidKey
{
    /// <summary>
    /// Moves the activation to the silo the placement director picks, now if no attempt is in
    /// flight, otherwise as soon as the attempt has finished. Stays put if the director picks this silo.
    /// </summary>
    [Alias("relocate")]
    Task RelocateAsync();
}

namespace Actors.Grains;

/// <summary>The cluster as one silo's membership view sees it, without touching storage.</summary>
[Alias("actors.IClusterViewGrain")]
public interface IClusterViewGrain : IGrainWithIntegerKey
{
    /// <summary>Every silo the answering silo knows of that is not dead; <see cref="SiloView.LocalTasks"/> is known only for the answering silo (else -1).</summary>
    [Alias("silos")]
    Task<SiloView[]> GetSilosAsync();
}

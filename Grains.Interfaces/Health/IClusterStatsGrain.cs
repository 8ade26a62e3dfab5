namespace Actors.Grains;

/// <summary>Resource statistics of every active silo (seed 003's <c>/stats</c>).</summary>
[Alias("actors.IClusterStatsGrain")]
public interface IClusterStatsGrain : IGrainWithIntegerKey
{
    /// <summary>Each active silo's CPU, memory, activations, runs per second and metrics URL.</summary>
    [Alias("silos"), AlwaysInterleave]
    Task<SiloStats[]> GetAsync();
}

/// <summary>One silo's resource statistics.</summary>
[GenerateSerializer, Immutable, Alias("actors.silo-stats")]
public sealed record SiloStats
{
    /// <summary>The silo's address.</summary>
    [Id(0)] public string Address { get; init; } = "";

    /// <summary>Its name.</summary>
    [Id(1)] public string Name { get; init; } = "";

    /// <summary>CPU use of its host, percent.</summary>
    [Id(2)] public double? CpuPercent { get; init; }

    /// <summary>Memory the silo process uses, bytes.</summary>
    [Id(3)] public long? MemoryBytes { get; init; }

    /// <summary>Grain activations.</summary>
    [Id(4)] public int Activations { get; init; }

    /// <summary>Attempts (task runs and flow node runs) ended per second over the last minute.</summary>
    [Id(5)] public double RunsPerSecond { get; init; }

    /// <summary>Its Prometheus scrape URL; null when it serves none.</summary>
    [Id(6)] public string? MetricsUrl { get; init; }
}

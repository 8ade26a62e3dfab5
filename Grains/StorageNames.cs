namespace Actors.Grains;

/// <summary>Names of the grain storage providers the grains use; the silo registers them.</summary>
public static class StorageNames
{
    /// <summary>The one grain store (PostgreSQL in a real cluster, memory in the test cluster).</summary>
    public const string Default = "actors";
}

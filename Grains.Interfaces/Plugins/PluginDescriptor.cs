namespace Actors.Grains;

/// <summary>A plugin: an executor or a schedule kind.</summary>
[GenerateSerializer, Immutable, Alias("actors.plugin-descriptor")]
public sealed record PluginDescriptor
{
    /// <summary>Name used in a task (<c>executor</c> or <c>schedule_mode</c>).</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary><c>executor</c> or <c>schedule</c>.</summary>
    [Id(1)] public string PluginType { get; init; } = "";

    /// <summary>What it does.</summary>
    [Id(2)] public string Description { get; init; } = "";

    /// <summary>Its options.</summary>
    [Id(3)] public PluginOption[] Options { get; init; } = [];
}

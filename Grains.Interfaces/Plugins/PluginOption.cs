namespace Actors.Grains;

/// <summary>One option a plugin takes.</summary>
[GenerateSerializer, Immutable, Alias("actors.plugin-option")]
public sealed record PluginOption(
    [property: Id(0)] string Name,
    [property: Id(1)] string Type,
    [property: Id(2)] bool Required,
    [property: Id(3)] string? Default,
    [property: Id(4)] string Description);

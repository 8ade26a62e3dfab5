using System.Text.Json.Serialization;

namespace Actors.Grains.Tasks.Stored;

/// <summary>A webhook as stored.</summary>
[GenerateSerializer, Immutable, Alias("actors.stored-http-target")]
public sealed record StoredHttpTarget
{
    /// <summary>The URL.</summary>
    [Id(0), JsonPropertyName("url")] public string Url { get; init; } = "";

    /// <summary>The method.</summary>
    [Id(1), JsonPropertyName("method")] public string Method { get; init; } = "POST";

    /// <summary>Extra headers.</summary>
    [Id(2), JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; init; }
}

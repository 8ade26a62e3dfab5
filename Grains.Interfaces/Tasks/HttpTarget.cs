namespace Actors.Grains;

/// <summary>The webhook the <c>http</c> executor calls.</summary>
[GenerateSerializer, Immutable, Alias("actors.http-target")]
public sealed record HttpTarget
{
    /// <summary>Absolute http(s) URL.</summary>
    [Id(0)] public string Url { get; init; } = "";

    /// <summary>HTTP method; POST by default.</summary>
    [Id(1)] public string Method { get; init; } = "POST";

    /// <summary>Extra request headers.</summary>
    [Id(2)] public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}

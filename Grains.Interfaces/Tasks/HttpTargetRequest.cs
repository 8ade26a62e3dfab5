namespace Actors.Grains;

/// <summary>Webhook settings as the client wrote them.</summary>
[GenerateSerializer, Immutable, Alias("actors.http-target-request")]
public sealed record HttpTargetRequest
{
    /// <summary>Absolute http(s) URL.</summary>
    [Id(0)] public string? Url { get; init; }

    /// <summary>HTTP method.</summary>
    [Id(1)] public string? Method { get; init; }

    /// <summary>Extra request headers.</summary>
    [Id(2)] public Dictionary<string, string>? Headers { get; init; }
}

namespace Actors.WebApi.Hosting;

/// <summary>Security and limits (section <c>Actors:Api</c>).</summary>
public sealed class HttpSettings
{
    /// <summary>When any is set, every endpoint but health and docs needs one (Bearer or X-Api-Key).</summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>Tokens agents connect with (<c>Authorization: Bearer TOKEN</c>); none: only agents on this machine (loopback) may connect.</summary>
    public string[] AgentTokens { get; set; } = [];

    /// <summary>Browser origins allowed by CORS; none by default.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Largest request body; larger gets 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Requests per second per client address before 429.</summary>
    public int RateLimitPerSecond { get; set; } = 5000;
}

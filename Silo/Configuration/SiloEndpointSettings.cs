namespace Actors.Silo.Configuration;

/// <summary>Where the silo listens (section <c>Actors:Silo</c>).</summary>
public sealed class SiloEndpointSettings
{
    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port (the Web API connects here).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients use to reach this silo.</summary>
    public string AdvertisedIp { get; set; } = "127.0.0.1";

    /// <summary>A name for logs and the dashboard; defaults to the host name and port.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// On a graceful stop (SIGTERM, Ctrl-C), how long the silo spends handing its tasks to the
    /// other silos and letting its runs in flight finish before it goes.
    /// </summary>
    public int HandOffSeconds { get; set; } = 30;
}

namespace Actors.WebApi.Hosting;

/// <summary>The Web API's settings (section <c>Actors</c>).</summary>
public sealed class ApiSettings
{
    /// <summary>PostgreSQL connection string, for the cluster membership (gateway list).</summary>
    public string Postgres { get; set; } = "";

    /// <summary>Static gateways (<c>ip:port</c>) instead of PostgreSQL clustering.</summary>
    public string[] GatewayEndpoints { get; set; } = [];

    /// <summary>Orleans ClusterId.</summary>
    public string ClusterId { get; set; } = "actors";

    /// <summary>Orleans ServiceId.</summary>
    public string ServiceId { get; set; } = "actors";

    /// <summary>HTTP-side settings.</summary>
    public HttpSettings Api { get; set; } = new();

    /// <summary>Time zone of tasks that name none.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";
}

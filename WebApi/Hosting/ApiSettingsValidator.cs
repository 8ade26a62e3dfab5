using System.Net;

namespace Actors.WebApi.Hosting;

/// <summary>Checks every Web API setting at once, so bad configuration fails with one message naming every problem.</summary>
public static class ApiSettingsValidator
{
    /// <summary>Every problem; empty when usable.</summary>
    public static IReadOnlyList<string> Validate(ApiSettings settings, IEnumerable<string> urls)
    {
        var problems = new List<string>();
        if (settings.GatewayEndpoints.Length == 0 && string.IsNullOrWhiteSpace(settings.Postgres))
        {
            problems.Add("Actors:Postgres is empty: set the PostgreSQL connection string of the cluster (environment variable Actors__Postgres), or list Actors:GatewayEndpoints.");
        }

        foreach (var endpoint in settings.GatewayEndpoints)
        {
            if (!IPEndPoint.TryParse(endpoint, out var parsed) || parsed.Port == 0)
            {
                problems.Add($"Actors:GatewayEndpoints entry '{endpoint}' is not an ip:port, e.g. 127.0.0.1:30000.");
            }
        }

        if (string.IsNullOrWhiteSpace(settings.ClusterId))
        {
            problems.Add("Actors:ClusterId is empty: use the silos' cluster id, e.g. 'actors'.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(settings.DefaultTimeZone, out _))
        {
            problems.Add($"Actors:DefaultTimeZone '{settings.DefaultTimeZone}' is not a known IANA time zone, e.g. 'UTC' or 'Europe/Berlin'.");
        }

        if (settings.Api.MaxRequestBodyBytes < 1024)
        {
            problems.Add($"Actors:Api:MaxRequestBodyBytes must be at least 1024; got {settings.Api.MaxRequestBodyBytes}.");
        }

        if (settings.Api.RateLimitPerSecond < 1)
        {
            problems.Add($"Actors:Api:RateLimitPerSecond must be at least 1; got {settings.Api.RateLimitPerSecond}.");
        }

        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https") || uri.Port is < 1 or > 65535)
            {
                problems.Add($"The listen URL '{url}' is not valid: use e.g. http://127.0.0.1:8080 (a port between 1 and 65535).");
            }
        }

        return problems;
    }
}

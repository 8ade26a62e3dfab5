namespace Actors.Cli.Api;

/// <summary>A URL query from optional parameters: the ones left out are not sent.</summary>
public static class QueryString
{
    /// <summary><c>?a=1&amp;b=x</c> for the parameters with a value, escaped; empty when none has one.</summary>
    public static string From(params (string Name, object? Value)[] parameters)
    {
        var given = parameters
            .Where(p => p.Value is not null)
            .Select(p => $"{p.Name}={Uri.EscapeDataString(Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)!)}")
            .ToArray();
        return given.Length == 0 ? "" : "?" + string.Join('&', given);
    }
}

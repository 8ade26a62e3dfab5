using System.Security.Cryptography;
using System.Text;

namespace Actors.WebApi.Hosting;

/// <summary>The configured API keys: whether one is required, and whether a given key (or a console session's key) is one of them.</summary>
public sealed class ApiKeys(ApiSettings settings)
{
    private readonly byte[][] _keys = [.. settings.Api.ApiKeys.Where(k => k.Length > 0).Select(k => Encoding.UTF8.GetBytes(k))];

    /// <summary>True when any key is configured (otherwise everything is open).</summary>
    public bool Required => _keys.Length > 0;

    /// <summary>The fingerprint of the configured key equal to <paramref name="given"/> (compared in constant time), or null.</summary>
    public string? Match(string? given)
    {
        if (string.IsNullOrEmpty(given))
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(given);
        string? matched = null;
        foreach (var key in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(bytes, key))
            {
                matched = Fingerprint(key);
            }
        }

        return matched;
    }

    /// <summary>Whether a session signed in with the key of this fingerprint is still valid (the key is still configured).</summary>
    public bool IsCurrent(string? fingerprint) => fingerprint is not null && _keys.Any(k => Fingerprint(k) == fingerprint);

    private static string Fingerprint(byte[] key) => Convert.ToHexString(SHA256.HashData(key))[..16];
}

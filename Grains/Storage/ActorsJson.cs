using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Grains.Storage;

/// <summary>
/// The JSON settings of everything the silo stores: plain JSON, no type names, enums as numbers
/// (see <see cref="StoredEnumConverterFactory"/>), UTC instants as tick counts (see
/// <see cref="StoredInstantConverter"/>). Stored types pin their property names.
/// </summary>
public static class ActorsJson
{
    /// <summary>Shared options (thread-safe once used).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new StoredEnumConverterFactory(), new StoredInstantConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

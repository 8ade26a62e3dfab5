using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Grains.Storage;

/// <summary>The JSON settings of everything the silo stores: plain JSON, enums by name, no type names.</summary>
public static class ActorsJson
{
    /// <summary>Shared options (thread-safe once used).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

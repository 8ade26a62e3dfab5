using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Grains.Storage;

/// <summary>
/// Instants in stored JSON: a UTC instant is written as its number of 100-ns ticks since the Unix
/// epoch (18 characters instead of 33, exact to the tick), which keeps a task's state and each run's
/// catalog progress small; any other offset is kept as ISO 8601 text. Both forms read, so state
/// written before still loads.
/// </summary>
public sealed class StoredInstantConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number
            ? new DateTimeOffset(DateTimeOffset.UnixEpoch.Ticks + reader.GetInt64(), TimeSpan.Zero)
            : DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        if (value.Offset == TimeSpan.Zero)
        {
            writer.WriteNumberValue(value.UtcTicks - DateTimeOffset.UnixEpoch.Ticks);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}

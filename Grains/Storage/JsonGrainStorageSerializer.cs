using System.Text.Json;
using Orleans.Storage;

namespace Actors.Grains.Storage;

/// <summary>
/// Grain state as plain JSON with no type names, so renaming or moving a state class never breaks
/// stored state, and an operator can read it. Unknown properties are ignored (forward-compatible).
/// </summary>
public sealed class JsonGrainStorageSerializer : IGrainStorageSerializer
{
    /// <inheritdoc />
    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, ActorsJson.Options));

    /// <inheritdoc />
    public T Deserialize<T>(BinaryData input) =>
        JsonSerializer.Deserialize<T>(input.ToMemory().Span, ActorsJson.Options)
        ?? throw new JsonException($"Stored state for {typeof(T).Name} is null.");
}

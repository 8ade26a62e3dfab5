using System.Text.Json.Serialization;

namespace Actors.Grains.Tasks.Stored;

/// <summary>A daily window as stored.</summary>
[GenerateSerializer, Immutable, Alias("actors.stored-window")]
public sealed record StoredWindow
{
    /// <summary>First minute of the day.</summary>
    [Id(0), JsonPropertyName("startMinute")] public int StartMinute { get; init; }

    /// <summary>End minute (exclusive).</summary>
    [Id(1), JsonPropertyName("endMinute")] public int EndMinute { get; init; }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Actors.WebApi.Contracts;

/// <summary>The API's JSON conventions: snake_case properties, snake_case enum names, times as UTC strings.</summary>
public static class WireJson
{
    /// <summary>The one format every instant is written in: ISO 8601 UTC with milliseconds and Z.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>
    /// Applies the conventions: property names in snake_case, every enum by its snake_case name
    /// (<c>QueueOne</c> is <c>queue_one</c>, <c>TimedOut</c> is <c>timed_out</c>), nulls written, and a
    /// response record's constructor parameters marked required in the OpenAPI schemas.
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.RespectRequiredConstructorParameters = true;

        // Numbers are numbers (the Web defaults also read them from strings, which the schemas would then allow).
        options.NumberHandling = JsonNumberHandling.Strict;
    }

    /// <summary>Options with the conventions, for code outside the HTTP pipeline (query parameters, tests).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>An enum value's wire name, as the one enum converter writes it.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonSerializer.SerializeToElement(value, Options).GetString()!;

    /// <summary>An instant as the API writes it.</summary>
    public static string Time(DateTimeOffset instant) => instant.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>An instant as the API writes it, or null.</summary>
    public static string? Time(DateTimeOffset? instant) => instant is { } value ? Time(value) : null;

    private static JsonSerializerOptions Create()
    {
        // Resolver set and frozen here, so metadata can be read (GetTypeInfo) before anything was serialized with it.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        Configure(options);
        options.MakeReadOnly();
        return options;
    }
}

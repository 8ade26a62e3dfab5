namespace Actors.Grains;

/// <summary>One invalid input field and what is wrong with it.</summary>
[GenerateSerializer, Immutable, Alias("actors.field-error")]
public sealed record FieldError(
    [property: Id(0)] string Field,
    [property: Id(1)] string Message);

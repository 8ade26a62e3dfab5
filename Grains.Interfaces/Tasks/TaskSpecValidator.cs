namespace Actors.Grains;

/// <summary>What makes a <see cref="TaskSpec"/> valid: the one rule set the grains enforce and the Web API reports.</summary>
public static class TaskSpecValidator
{
    /// <summary>Every problem with the spec at once, with wire field names (snake_case); empty when valid.</summary>
    public static IReadOnlyList<FieldError> Validate(TaskSpec spec) => throw new NotSupportedException("skeleton");
}

using System.Text.RegularExpressions;

namespace Actors.Grains.Agents;

/// <summary>
/// What an agent may register as, checked purely, every problem at once: a name of letters, digits,
/// '.', '_' and '-' (at most 64), labels and task types without spaces, <c>max_concurrent</c> from 1 to 1,000.
/// </summary>
public static partial class AgentRegistrationRules
{
    /// <summary>The most runs one agent may take at once.</summary>
    public const int MaxConcurrentLimit = 1000;

    /// <summary>The problems with a registration (none: it is valid).</summary>
    public static IReadOnlyList<FieldError> Check(string? name, IReadOnlyList<string>? labels, IReadOnlyList<string>? taskTypes, int maxConcurrent)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(name) || !Name().IsMatch(name))
        {
            errors.Add(new FieldError("name", $"An agent name is 1 to 64 letters, digits, '.', '_' or '-' (no spaces); got '{name}'."));
        }

        CheckWords("labels", labels, errors);
        CheckWords("task_types", taskTypes, errors);
        if (maxConcurrent is < 1 or > MaxConcurrentLimit)
        {
            errors.Add(new FieldError("max_concurrent", $"max_concurrent must be between 1 and {MaxConcurrentLimit}; got {maxConcurrent}."));
        }

        return errors;
    }

    private static void CheckWords(string field, IReadOnlyList<string>? words, List<FieldError> errors)
    {
        foreach (var word in words ?? [])
        {
            if (string.IsNullOrEmpty(word) || !Word().IsMatch(word))
            {
                errors.Add(new FieldError(field, $"Each of {field} is 1 to 64 characters without spaces; got '{word}'."));
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^\S{1,64}$")]
    private static partial Regex Word();
}

namespace Actors.Grains;

/// <summary>What makes a <see cref="TaskSpec"/> valid: the one rule set the grains enforce and the Web API reports.</summary>
public static class TaskSpecValidator
{
    /// <summary>Every problem with the spec at once, with wire field names (snake_case); empty when valid.</summary>
    public static IReadOnlyList<FieldError> Validate(TaskSpec spec)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(spec.AccountId))
        {
            errors.Add(new FieldError("account_id", "account_id is required."));
        }

        if (spec.Schedule.Mode == ScheduleMode.Interval && spec.Schedule.IntervalSeconds < 1)
        {
            errors.Add(new FieldError("interval", "interval must be at least 1 second."));
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(spec.Schedule.TimeZone, out _))
        {
            errors.Add(new FieldError("time_zone", "unknown time zone."));
        }

        return errors;
    }
}

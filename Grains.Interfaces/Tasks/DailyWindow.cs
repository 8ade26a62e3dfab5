namespace Actors.Grains;

/// <summary>
/// The local time-of-day window in which runs may start, as minutes after midnight in the task's
/// zone: start inclusive, end exclusive. <see cref="EndMinute"/> &lt;= <see cref="StartMinute"/>
/// means the window wraps midnight (22:00–06:00). 0–1440 is the whole day.
/// </summary>
[GenerateSerializer, Immutable, Alias("actors.daily-window")]
public sealed record DailyWindow(
    [property: Id(0)] int StartMinute,
    [property: Id(1)] int EndMinute)
{
    /// <summary>The whole day.</summary>
    public static DailyWindow AllDay { get; } = new(0, 1440);

    /// <summary>True when the window crosses midnight.</summary>
    public bool WrapsMidnight => EndMinute <= StartMinute;

    /// <summary>True when the window is the whole day.</summary>
    public bool IsAllDay => StartMinute == 0 && EndMinute == 1440;

    /// <summary>Whether a local minute-of-day (0–1439) lies in the window.</summary>
    public bool Contains(int minuteOfDay) => WrapsMidnight
        ? minuteOfDay >= StartMinute || minuteOfDay < EndMinute
        : minuteOfDay >= StartMinute && minuteOfDay < EndMinute;
}

namespace Actors.Grains.Scheduling;

/// <summary>
/// Walks a (not all-day) <see cref="DailyWindow"/> in a zone: whether it is open at an instant, and the
/// instants at which it next opens or closes. Openness follows the local clock, so a DST change can open
/// or close the window too; an opening whose local time is skipped by a spring-forward change happens at
/// the first instant after the gap, and a repeated local time opens it first at its first occurrence.
/// </summary>
internal sealed class DailyWindowCursor(DailyWindow window, ZoneClock clock)
{
    private const int FirstSearchDays = 3;
    private const int LastSearchDays = 400;

    public DailyWindow Window { get; } = window;

    public bool IsOpen(DateTimeOffset instant) => Window.Contains(clock.MinuteOfDay(instant));

    /// <summary><paramref name="instant"/> when the window is open then, otherwise the next opening.</summary>
    public DateTimeOffset Adjust(DateTimeOffset instant) => IsOpen(instant) ? instant : NextChange(instant, toOpen: true);

    /// <summary>The first instant after <paramref name="closedInstant"/> at which the window is open.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset closedInstant) => NextChange(closedInstant, toOpen: true);

    /// <summary>The first instant after <paramref name="openInstant"/> at which the window is closed.</summary>
    public DateTimeOffset NextClosing(DateTimeOffset openInstant) => NextChange(openInstant, toOpen: false);

    /// <summary>The instant the closed stretch containing <paramref name="closedInstant"/> began.</summary>
    public DateTimeOffset ClosedSince(DateTimeOffset closedInstant)
    {
        var localDate = clock.LocalTime(closedInstant).Date;
        var candidates = new List<DateTimeOffset>();
        for (var days = FirstSearchDays; days <= LastSearchDays; days *= 2)
        {
            candidates.Clear();
            AddBoundaries(localDate.AddDays(-days), localDate.AddDays(1), candidates);
            clock.AddTransitions(closedInstant - TimeSpan.FromDays(days + 1), closedInstant, candidates);
            candidates.Sort();

            // Openness only changes at a candidate, so walking back from the instant, the first
            // candidate just before which the window was open is where this closed stretch began.
            for (var i = candidates.Count - 1; i >= 0; i--)
            {
                var candidate = candidates[i];
                if (candidate <= closedInstant && IsOpen(candidate.AddTicks(-1)))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException($"The daily window {Window} stays closed for more than {LastSearchDays} days in {clock.Zone.Id}.");
    }

    // The first instant after `instant` at which openness equals `toOpen`; openness at `instant` is the opposite.
    private DateTimeOffset NextChange(DateTimeOffset instant, bool toOpen)
    {
        var localDate = clock.LocalTime(instant).Date;
        var candidates = new List<DateTimeOffset>();
        for (var days = FirstSearchDays; days <= LastSearchDays; days *= 2)
        {
            candidates.Clear();
            AddBoundaries(localDate.AddDays(-1), localDate.AddDays(days), candidates);
            if (First(candidates, instant, toOpen) is { } byClock)
            {
                // A DST change before that boundary may open or close the window earlier.
                var transitions = new List<DateTimeOffset>();
                clock.AddTransitions(instant, byClock, transitions);
                return First(transitions, instant, toOpen) is { } byTransition && byTransition < byClock ? byTransition : byClock;
            }

            var until = clock.InstantOf(localDate.AddDays(days + 1));
            candidates.Clear();
            clock.AddTransitions(instant, until, candidates);
            if (First(candidates, instant, toOpen) is { } onlyByTransition)
            {
                return onlyByTransition;
            }
        }

        throw new InvalidOperationException($"The daily window {Window} does not change for more than {LastSearchDays} days in {clock.Zone.Id}.");
    }

    private DateTimeOffset? First(List<DateTimeOffset> candidates, DateTimeOffset after, bool toOpen)
    {
        DateTimeOffset? best = null;
        foreach (var candidate in candidates)
        {
            if (candidate > after && (best is null || candidate < best) && IsOpen(candidate) == toOpen)
            {
                best = candidate;
            }
        }

        return best;
    }

    private void AddBoundaries(DateTime fromDate, DateTime toDate, List<DateTimeOffset> into)
    {
        for (var date = fromDate; date <= toDate; date = date.AddDays(1))
        {
            clock.AddInstantsAt(date.AddMinutes(Window.StartMinute), into);
            clock.AddInstantsAt(date.AddMinutes(Window.EndMinute), into);
        }
    }
}

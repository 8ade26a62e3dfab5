namespace Actors.Grains.Tasks;

/// <summary>
/// Decides, purely, whether the attempt in flight is gone: its silo died, or it is the attempt of
/// this very silo that is no longer executing or reporting here (its result could not be
/// delivered), or it is long past its timeout without a result. Returns why, or null.
/// </summary>
public static class InFlightCheck
{
    /// <summary>How long past its timeout an attempt may stay unreported before it counts as abandoned.</summary>
    public static readonly TimeSpan AbandonGrace = TimeSpan.FromSeconds(30);

    /// <summary>Why the attempt is abandoned, or null: <see cref="WhyAbandoned(InFlightRun, TimeSpan, DateTimeOffset, bool, bool, SiloStatus)"/> as this silo sees it.</summary>
    internal static string? WhyAbandoned(InFlightRun run, ExecutionSpec execution, DateTimeOffset now, bool runningInThisActivation, TaskServices services)
    {
        var owner = SiloAddress.FromParsableString(run.Silo);
        return WhyAbandoned(
            run, Execution.AttemptBudget.Of(execution), now,
            runsHere: runningInThisActivation || services.LocalAttempts.Contains(run.RunId, run.Attempt),
            ownerIsThisSilo: owner.Equals(services.Silo),
            ownerStatus: services.Membership.CurrentSnapshot.GetSiloStatus(owner));
    }

    /// <summary>Why the attempt is abandoned, or null while it may still report.</summary>
    /// <param name="run">The attempt.</param>
    /// <param name="timeout">Its timeout.</param>
    /// <param name="now">Now.</param>
    /// <param name="runsHere">It executes (or reports) in this process.</param>
    /// <param name="ownerIsThisSilo">It was started by this very silo.</param>
    /// <param name="ownerStatus">Its silo's membership status as this silo sees it.</param>
    public static string? WhyAbandoned(InFlightRun run, TimeSpan timeout, DateTimeOffset now, bool runsHere, bool ownerIsThisSilo, SiloStatus ownerStatus)
    {
        if (!runsHere && ownerIsThisSilo)
        {
            return "Its result was lost on this silo (it could not be delivered).";
        }

        if (!runsHere && (ownerStatus == SiloStatus.Dead || (ownerStatus == SiloStatus.None && now - run.StartedAt > AbandonGrace)))
        {
            return $"The silo running it ({run.Silo}) died.";
        }

        return now > run.StartedAt + timeout + AbandonGrace
            ? $"No result {AbandonGrace.TotalSeconds:0} s after the {timeout.TotalSeconds:0} s timeout."
            : null;
    }
}

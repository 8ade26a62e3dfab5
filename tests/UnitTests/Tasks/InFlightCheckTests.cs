using Actors.Grains.Tasks;
using Orleans.Runtime;

namespace Actors.UnitTests.Tasks;

public sealed class InFlightCheckTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly InFlightRun Run = new() { RunId = "t:1", Round = 1, Attempt = 1, StartedAt = Noon, Silo = "127.0.0.1:11111@1" };
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void AnAttemptExecutingHereIsLeftAloneUntilLongPastItsTimeout()
    {
        Assert.Null(InFlightCheck.WhyAbandoned(Run, Timeout, Noon.AddSeconds(30), runsHere: true, ownerIsThisSilo: true, SiloStatus.Active));
        Assert.Contains("timeout", InFlightCheck.WhyAbandoned(Run, Timeout, Noon.AddSeconds(41), runsHere: true, ownerIsThisSilo: true, SiloStatus.Active), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAttemptOfThisSiloThatIsNoLongerHereIsGone() =>
        Assert.Contains("lost on this silo", InFlightCheck.WhyAbandoned(Run, Timeout, Noon.AddSeconds(1), runsHere: false, ownerIsThisSilo: true, SiloStatus.Active), StringComparison.Ordinal);

    [Fact]
    public void AnAttemptOfADeadSiloIsGoneAtOnce() =>
        Assert.Contains("died", InFlightCheck.WhyAbandoned(Run, Timeout, Noon.AddSeconds(1), runsHere: false, ownerIsThisSilo: false, SiloStatus.Dead), StringComparison.Ordinal);

    [Fact]
    public void AnAttemptOfAnUnknownSiloIsGoneAfterTheGrace()
    {
        Assert.Null(InFlightCheck.WhyAbandoned(Run, Timeout, Noon.AddSeconds(5), runsHere: false, ownerIsThisSilo: false, SiloStatus.None));
        Assert.NotNull(InFlightCheck.WhyAbandoned(Run, Timeout, Noon.AddSeconds(31), runsHere: false, ownerIsThisSilo: false, SiloStatus.None));
    }

    [Fact]
    public void AnAttemptOfALiveOrStoppingSiloMayStillReport() =>
        Assert.Null(InFlightCheck.WhyAbandoned(Run, Timeout, Noon.AddSeconds(20), runsHere: false, ownerIsThisSilo: false, SiloStatus.ShuttingDown));
}

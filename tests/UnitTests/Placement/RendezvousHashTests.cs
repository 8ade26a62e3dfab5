using System.Net;
using Actors.Grains.Accounts;
using Actors.Grains.Placement;
using Orleans.Runtime;

namespace Actors.UnitTests.Placement;

public sealed class RendezvousHashTests
{
    private static readonly uint[] Keys = [.. Enumerable.Range(0, 30_000).Select(i => unchecked((uint)(i * 2654435761u)))];

    [Fact]
    public void TheOwnerDoesNotDependOnTheOrderOfTheCandidates()
    {
        uint[] candidates = [11, 22, 33, 44];
        uint[] reversed = [44, 33, 22, 11];

        Assert.All(Keys.Take(2_000), key => Assert.Equal(RendezvousHash.Pick(key, candidates, c => c), RendezvousHash.Pick(key, reversed, c => c)));
    }

    [Fact]
    public void KeysSpreadEvenlyOverTheCandidates()
    {
        uint[] candidates = [101, 202, 303];

        var shares = Keys.GroupBy(k => RendezvousHash.Pick(k, candidates, c => c)).ToDictionary(g => g.Key, g => g.Count() / (double)Keys.Length);

        Assert.Equal(3, shares.Count);
        Assert.All(shares.Values, share => Assert.InRange(share, 0.31, 0.36));
    }

    [Fact]
    public void AJoiningCandidateTakesAbout1OverNAndNothingElseMoves()
    {
        uint[] before = [101, 202, 303];
        uint[] after = [101, 202, 303, 404];

        var moved = Keys.Where(k => RendezvousHash.Pick(k, before, c => c) != RendezvousHash.Pick(k, after, c => c)).ToList();

        Assert.All(moved, k => Assert.Equal(404u, RendezvousHash.Pick(k, after, c => c)));
        Assert.InRange(moved.Count / (double)Keys.Length, 0.22, 0.28);
    }

    [Fact]
    public void ALeavingCandidatesKeysAreTheOnlyOnesThatMove()
    {
        uint[] before = [101, 202, 303];
        uint[] after = [101, 303];

        Assert.All(Keys, k =>
        {
            var owner = RendezvousHash.Pick(k, before, c => c);
            if (owner != 202)
            {
                Assert.Equal(owner, RendezvousHash.Pick(k, after, c => c));
            }
        });
    }

    [Fact]
    public void AnEmptyCandidateListIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RendezvousHash.Pick(1, Array.Empty<uint>(), c => c));

    [Fact]
    public void ALeavingSiloIsNoCandidateUnlessEverySiloIsLeaving()
    {
        var self = Silo(11111);
        var other = Silo(11112);

        Assert.Equal([other], TaskOwners.Candidates([self, other], s => s.Equals(self)));
        Assert.Equal([self, other], TaskOwners.Candidates([self, other], _ => false));
        Assert.Equal([self], TaskOwners.Candidates([self], s => s.Equals(self)));
        Assert.Equal([self, other], TaskOwners.Candidates([self, other], _ => true));
    }

    [Fact]
    public void TasksSpreadOverSilosByTheirIds()
    {
        SiloAddress[] silos = [Silo(11111), Silo(11112)];

        var onFirst = Enumerable.Range(0, 2_000).Count(i => TaskOwners.Pick(TaskOwners.GrainIdOf(TaskIds.For("spread", i)), silos).Equals(silos[0]));

        Assert.InRange(onFirst, 850, 1_150);
    }

    private static SiloAddress Silo(int port) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 154_540_000);
}

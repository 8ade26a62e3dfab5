namespace Actors.Grains.Placement;

/// <summary>
/// Highest-random-weight (rendezvous) hashing: each key goes to the candidate with the highest
/// mixed hash of (key, candidate). Every caller with the same candidates picks the same owner; a
/// candidate that joins takes about 1/n of the keys, and only keys of a candidate that leaves move.
/// </summary>
public static class RendezvousHash
{
    /// <summary>The owner of <paramref name="key"/> among <paramref name="candidates"/> (identified by <paramref name="hashOf"/>).</summary>
    public static T Pick<T>(uint key, IReadOnlyList<T> candidates, Func<T, uint> hashOf)
    {
        ArgumentOutOfRangeException.ThrowIfZero(candidates.Count);
        var best = candidates[0];
        var bestScore = Score(key, hashOf(best));
        for (var i = 1; i < candidates.Count; i++)
        {
            var score = Score(key, hashOf(candidates[i]));
            if (score > bestScore)
            {
                (best, bestScore) = (candidates[i], score);
            }
        }

        return best;
    }

    /// <summary>SplitMix64's finaliser over both hashes: a small change in either spreads over every bit.</summary>
    internal static ulong Score(uint key, uint candidate)
    {
        var z = ((ulong)key << 32 | candidate) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

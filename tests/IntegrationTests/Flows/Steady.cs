namespace Actors.IntegrationTests.Flows;

/// <summary>
/// The opposite of a poll: a condition that must keep holding for a while (nothing new happens
/// after a stop). Probes it throughout and fails at the first probe that breaks it.
/// </summary>
public static class Steady
{
    /// <summary>Probes every 200 ms for <paramref name="duration"/>; throws as soon as <paramref name="holds"/> is false.</summary>
    public static async Task HoldsForAsync<T>(Func<Task<T>> probe, Func<T, bool> holds, TimeSpan duration, string what)
    {
        var until = DateTime.UtcNow + duration;
        var probes = 0;
        while (DateTime.UtcNow < until || probes < 2)
        {
            var value = await probe();
            probes++;
            if (!holds(value))
            {
                throw new InvalidOperationException($"{what} stopped holding after {probes} probes: {value}");
            }

            await Task.Delay(200);
        }
    }
}

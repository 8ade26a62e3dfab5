namespace Actors.Benchmarks;

/// <summary>Waiting for the cluster behind the Web API to be usable.</summary>
public static class ClusterHealth
{
    /// <summary>Waits until /health answers 200 and the status shows <paramref name="silos"/> active silos.</summary>
    public static async Task<bool> WaitForClusterAsync(HttpClient http, int silos, TimeSpan within)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var health = await Load.TrySendAsync(http, HttpMethod.Get, "/health");
            if (health.Ok && await Load.SilosAsync(http) is { } all && all.Count(s => s.Value.Status == "active") >= silos)
            {
                return true;
            }

            await Task.Delay(1000);
        }

        return false;
    }
}

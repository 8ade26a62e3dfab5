using System.Globalization;
using Orleans.Concurrency;

namespace Actors.Grains.Health;

/// <summary>Gathers every active silo's runtime statistics and run rate.</summary>
[StatelessWorker]
[GrainType("cluster-stats")]
internal sealed class ClusterStatsGrain : Grain, IClusterStatsGrain
{
    public async Task<SiloStats[]> GetAsync()
    {
        var management = GrainFactory.GetGrain<IManagementGrain>(0);
        var hosts = (await management.GetDetailedHosts(onlyActive: true)).ToList();
        var statistics = await management.GetRuntimeStatistics([.. hosts.Select(h => h.SiloAddress)]);
        var meters = (await management.SendControlCommandToProvider<RunMeter>(RunMeter.ControlName, RunMeter.RateCommand, null))
            .OfType<string>()
            .Select(r => r.Split('|'))
            .ToDictionary(p => p[0], p => (Rate: double.Parse(p[1], CultureInfo.InvariantCulture), Url: p.Length > 2 && p[2].Length > 0 ? p[2] : null), StringComparer.Ordinal);
        return [.. hosts.Zip(statistics, (host, stats) => new SiloStats
        {
            Address = host.SiloAddress.ToParsableString(),
            Name = host.SiloName,
            CpuPercent = Math.Round(stats.EnvironmentStatistics.FilteredCpuUsagePercentage, 1),
            MemoryBytes = stats.EnvironmentStatistics.FilteredMemoryUsageBytes,
            Activations = stats.ActivationCount,
            RunsPerSecond = Math.Round(meters.GetValueOrDefault(host.SiloAddress.ToParsableString()).Rate, 2),
            MetricsUrl = meters.GetValueOrDefault(host.SiloAddress.ToParsableString()).Url,
        })];
    }
}

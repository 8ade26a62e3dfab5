using System.Globalization;
using Orleans.Providers;
using Orleans.Runtime;

namespace Actors.Grains.Health;

/// <summary>
/// Counts the attempts that end in this silo, per second over the last minute; other silos read the
/// rate (and where this silo's metrics are scraped) through a control command (<see cref="ClusterStatsGrain"/>).
/// </summary>
public sealed class RunMeter(ILocalSiloDetails silo, TimeProvider clock, Microsoft.Extensions.Options.IOptions<SiloMetricsOptions> metrics) : IControllable
{
    /// <summary>The name the meter is registered under for control commands.</summary>
    public const string ControlName = "actors-run-meter";

    /// <summary>The command that answers <c>address|runs per second|metrics URL</c>.</summary>
    public const int RateCommand = 1;

    private const int Window = 60;
    private readonly long[] _counts = new long[Window];
    private readonly long[] _seconds = new long[Window];

    /// <summary>An attempt ended.</summary>
    public void Count()
    {
        var second = clock.GetUtcNow().ToUnixTimeSeconds();
        var slot = (int)(second % Window);
        lock (_counts)
        {
            if (_seconds[slot] != second)
            {
                _seconds[slot] = second;
                _counts[slot] = 0;
            }

            _counts[slot]++;
        }
    }

    /// <summary>Attempts per second over the last full minute.</summary>
    public double PerSecond()
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        long total = 0;
        lock (_counts)
        {
            for (var i = 0; i < Window; i++)
            {
                if (now - _seconds[i] is > 0 and <= Window)
                {
                    total += _counts[i];
                }
            }
        }

        return total / (double)Window;
    }

    /// <inheritdoc />
    public Task<object?> ExecuteCommand(int command, object? arg) => command == RateCommand
        ? Task.FromResult<object?>($"{silo.SiloAddress.ToParsableString()}|{PerSecond().ToString(CultureInfo.InvariantCulture)}|{metrics.Value.Url}")
        : throw new ArgumentException($"Unknown run meter command {command}.", nameof(command));
}

using System.Collections.Concurrent;
using Orleans.Providers;
using Orleans.Runtime;

namespace Actors.Grains.Placement;

/// <summary>
/// The silos that have begun a graceful stop, this one included once it stops. A stopping silo
/// announces itself to every other silo (through <see cref="IControllable"/>, before Orleans'
/// membership says so), so no silo places a task on it or moves a task to it while it hands its
/// tasks over.
/// </summary>
public sealed class SiloDepartures(ILocalSiloDetails silo) : IControllable
{
    /// <summary>The name the departures are registered under for control commands.</summary>
    public const string ControlName = "actors-silo-departures";

    /// <summary>The control command that announces a leaving silo (its address as argument).</summary>
    public const int LeavingCommand = 1;

    private readonly ConcurrentDictionary<SiloAddress, byte> _leaving = new();

    /// <summary>True once this silo has begun to stop.</summary>
    public bool IsLeaving => _leaving.ContainsKey(silo.SiloAddress);

    /// <summary>The leaving silos.</summary>
    public IReadOnlyCollection<SiloAddress> Leaving => (IReadOnlyCollection<SiloAddress>)_leaving.Keys;

    /// <summary>Marks this silo as leaving.</summary>
    public void Leave() => _leaving.TryAdd(silo.SiloAddress, 0);

    /// <summary>Whether <paramref name="address"/> is leaving.</summary>
    public bool IsLeavingSilo(SiloAddress address) => _leaving.ContainsKey(address);

    /// <inheritdoc />
    public Task<object?> ExecuteCommand(int command, object? arg)
    {
        if (command != LeavingCommand || arg is not string address)
        {
            throw new ArgumentException($"Unknown silo departures command {command} ({arg}).", nameof(command));
        }

        _leaving.TryAdd(SiloAddress.FromParsableString(address), 0);
        return Task.FromResult<object?>(true);
    }
}

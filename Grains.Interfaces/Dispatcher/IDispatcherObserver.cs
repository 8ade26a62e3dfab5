namespace Actors.Grains;

/// <summary>Told when the dispatcher switch changes, so silos need not ask on every run.</summary>
[Alias("actors.IDispatcherObserver")]
public interface IDispatcherObserver : IGrainObserver
{
    /// <summary>The switch is now <paramref name="isRunning"/>.</summary>
    [Alias("switched")]
    Task OnSwitchedAsync(bool isRunning);
}

using Orleans.Core.Internal;
using Orleans.Runtime;

namespace Actors.GrainTests.Support;

/// <summary>Grains' activations in the test cluster: made to leave memory, and waited for until they have.</summary>
public static class Activations
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    /// <summary>Waits until <paramref name="grain"/> has no activation (the next call makes a new one).</summary>
    public static Task WaitUntilGoneAsync(IGrainFactory grains, IAddressable grain, string what) =>
        Eventually.WaitForAsync(
            () => grains.GetGrain<IManagementGrain>(0).GetGrainActivationCount((GrainReference)grain),
            count => count == 0,
            Deadline,
            what);

    /// <summary>Deactivates <paramref name="grain"/> and waits until it has no activation.</summary>
    public static async Task DeactivateAsync(IGrainFactory grains, IAddressable grain)
    {
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await WaitUntilGoneAsync(grains, grain, "the grain to be deactivated");
    }
}

namespace Actors.GrainTests.Support;

/// <summary>Waits for a condition with a deadline instead of sleeping and hoping.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="probe"/> until it returns a value satisfying <paramref name="until"/>, or fails with the last value.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> until, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last;
        do
        {
            last = await probe();
            if (until(last))
            {
                return last;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}; last value: {last}");
    }
}

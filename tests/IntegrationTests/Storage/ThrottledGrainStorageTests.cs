using Actors.Silo.Storage;
using Orleans.Runtime;
using Orleans.Storage;

namespace Actors.IntegrationTests.Storage;

public sealed class ThrottledGrainStorageTests
{
    private static readonly GrainId Grain = GrainId.Create("task", "t1");

    [Fact]
    public async Task At_most_the_limit_reaches_the_store_and_the_rest_wait_their_turn()
    {
        var store = new HeldStore();
        using var throttled = new ThrottledGrainStorage(store, limit: 3);

        var writes = Enumerable.Range(0, 10).Select(_ => throttled.WriteStateAsync("task", Grain, new GrainState<int>())).ToArray();

        Assert.Equal(3, store.Inside);
        Assert.All(writes, w => Assert.False(w.IsCompleted));
        store.Release.SetResult();
        await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(10, store.Calls);
        Assert.Equal(3, store.MostInside);
    }

    [Fact]
    public async Task A_failed_operation_gives_its_place_to_the_next()
    {
        var store = new HeldStore { Fail = true };
        using var throttled = new ThrottledGrainStorage(store, limit: 1);
        store.Release.SetResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => throttled.ClearStateAsync("task", Grain, new GrainState<int>()));
        store.Fail = false;
        await throttled.ReadStateAsync("task", Grain, new GrainState<int>()).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, store.Calls);
    }

    [Theory]
    [InlineData(60, 50)]
    [InlineData(100, 90)]
    [InlineData(8, 6)]
    [InlineData(1, 1)]
    public void Leaves_part_of_the_pool_to_membership_and_reminders(int poolSize, int limit) =>
        Assert.Equal(limit, ThrottledGrainStorage.LimitFor(poolSize));

    /// <summary>A store whose operations wait for <see cref="Release"/>, counting how many are inside at once.</summary>
    private sealed class HeldStore : IGrainStorage
    {
        private int _inside;

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Fail { get; set; }

        public int Inside => Volatile.Read(ref _inside);

        public int MostInside { get; private set; }

        public int Calls { get; private set; }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => HoldAsync();

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => HoldAsync();

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => HoldAsync();

        private async Task HoldAsync()
        {
            lock (this)
            {
                Calls++;
                MostInside = Math.Max(MostInside, Interlocked.Increment(ref _inside));
            }

            try
            {
                await Release.Task;
                if (Fail)
                {
                    throw new InvalidOperationException("storage failed");
                }
            }
            finally
            {
                Interlocked.Decrement(ref _inside);
            }
        }
    }
}

using Actors.Grains;
using Actors.IntegrationTests.Support;
using Actors.Silo.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Actors.IntegrationTests.Storage;

// The catalog and data source are disposed in IAsyncLifetime.DisposeAsync.
#pragma warning disable CA1001
[Collection(PostgresCollection.Name)]
public sealed class PostgresTaskCatalogTests(PostgresServer postgres) : IAsyncLifetime
{
    private NpgsqlDataSource _dataSource = null!;
    private PostgresTaskCatalog _catalog = null!;

    public async Task InitializeAsync()
    {
        var database = await postgres.CreateDatabaseAsync();
        await SchemaInstaller.ApplyAsync(database, NullLogger.Instance, CancellationToken.None);
        _dataSource = NpgsqlDataSource.Create(database);
        _catalog = new PostgresTaskCatalog(_dataSource, NullLogger<PostgresTaskCatalog>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _catalog.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    [Fact]
    public async Task AnOlderVersionNeverOverwritesANewerOne()
    {
        var task = Task("a", ScheduledTaskStatus.Paused, version: 5);

        await _catalog.UpsertAsync(task);
        await _catalog.UpsertAsync(task with { Status = ScheduledTaskStatus.Pending, Version = 4, UpdatedAt = At(4) });
        var page = await _catalog.ListAsync(new TaskQuery { AccountId = "a" });

        Assert.Equal(ScheduledTaskStatus.Paused, Assert.Single(page.Tasks).Status);
    }

    [Fact]
    public async Task TheHostingSiloIsRecordedEvenAtTheSameVersionAndItsLiveTasksCanBeListed()
    {
        var moved = Task("host-a", ScheduledTaskStatus.Pending, version: 2);
        var paused = Task("host-b", ScheduledTaskStatus.Paused, version: 2);
        var elsewhere = Task("host-c", ScheduledTaskStatus.Running, version: 2);

        await _catalog.UpsertAsync(moved, "silo-1");
        await _catalog.UpsertAsync(moved, "silo-2");
        await _catalog.UpsertAsync(moved with { Version = 1, UpdatedAt = At(1) }, "silo-3");
        await _catalog.UpsertAsync(paused, "silo-2");
        await _catalog.UpsertAsync(elsewhere, "silo-1");
        await _catalog.UpsertAsync(elsewhere with { Version = 3, UpdatedAt = At(3) });

        Assert.Equal([moved.TaskId], await _catalog.HostedOnAsync("silo-2", Guid.Empty, 10));
        Assert.Equal([elsewhere.TaskId], await _catalog.HostedOnAsync("silo-1", Guid.Empty, 10));
        Assert.Empty(await _catalog.HostedOnAsync("silo-1", elsewhere.TaskId, 10));
        Assert.Empty(await _catalog.HostedOnAsync("silo-3", Guid.Empty, 10));
    }

    [Fact]
    public async Task ALateUpsertCannotBringADeletedTaskBack()
    {
        var task = Task("b", ScheduledTaskStatus.Pending, version: 3);
        await _catalog.UpsertAsync(task);

        await _catalog.RemoveAsync(task.TaskId, At(4));
        await _catalog.UpsertAsync(task with { Version = 3, UpdatedAt = At(3), RoundNum = 9 });
        var page = await _catalog.ListAsync(new TaskQuery { AccountId = "b" });

        Assert.Equal(0, page.Total);
        Assert.Empty(page.Tasks);
    }

    [Fact]
    public async Task ListingFiltersPagesAndReportsTheTrueTotal()
    {
        var created = DateTimeOffset.UtcNow;
        var tasks = Enumerable.Range(0, 7)
            .Select(i => Task("c", i % 2 == 0 ? ScheduledTaskStatus.Pending : ScheduledTaskStatus.Error, 1) with { CreatedAt = created.AddSeconds(i) })
            .ToList();
        await System.Threading.Tasks.Task.WhenAll(tasks.Select(t => _catalog.UpsertAsync(t)));

        var second = await _catalog.ListAsync(new TaskQuery { AccountId = "c", Limit = 3, Offset = 3 });
        var errors = await _catalog.ListAsync(new TaskQuery { AccountId = "c", Status = ScheduledTaskStatus.Error });
        var beyond = await _catalog.ListAsync(new TaskQuery { AccountId = "c", Offset = 50 });

        Assert.Equal(7, second.Total);
        Assert.Equal(tasks.Skip(3).Take(3).Select(t => t.TaskId), second.Tasks.Select(t => t.TaskId));
        Assert.Equal(3, errors.Total);
        Assert.Equal(7, beyond.Total);
        Assert.Empty(beyond.Tasks);
    }

    [Fact]
    public async Task TwoThousandConcurrentUpsertsAreAllVisibleOnceAcknowledged()
    {
        var tasks = Enumerable.Range(0, 2000).Select(_ => Task("d", ScheduledTaskStatus.Pending, 1)).ToList();

        await System.Threading.Tasks.Task.WhenAll(tasks.Select(t => _catalog.UpsertAsync(t)));
        var page = await _catalog.ListAsync(new TaskQuery { AccountId = "d", Limit = 1 });
        var counts = await _catalog.CountAsync();

        Assert.Equal(2000, page.Total);
        Assert.True(counts.Pending >= 2000);
    }

    [Fact]
    public async Task OverdueListsPendingTasksWhoseNextRunHasPassed()
    {
        var now = DateTimeOffset.UtcNow;
        var late = Task("e", ScheduledTaskStatus.Pending, 1) with { NextExecutionTime = now.AddMinutes(-10) };
        var future = Task("e", ScheduledTaskStatus.Pending, 1) with { NextExecutionTime = now.AddMinutes(10) };
        var paused = Task("e", ScheduledTaskStatus.Paused, 1) with { NextExecutionTime = now.AddMinutes(-10) };
        await System.Threading.Tasks.Task.WhenAll(_catalog.UpsertAsync(late), _catalog.UpsertAsync(future), _catalog.UpsertAsync(paused));

        var overdue = await _catalog.OverdueAsync(now, 1000);

        Assert.Contains(late.TaskId, overdue);
        Assert.DoesNotContain(future.TaskId, overdue);
        Assert.DoesNotContain(paused.TaskId, overdue);
    }

    private static readonly DateTimeOffset Changed = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private static TaskInfo Task(string account, ScheduledTaskStatus status, long version) => new()
    {
        TaskId = Guid.NewGuid(),
        Spec = new TaskSpec { AccountId = account, AccountName = account, KwargsJson = "{\"k\":1}" },
        Status = status,
        Version = version,
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = At(version),
    };

    /// <summary>The time of a task's <paramref name="version"/>-th change: rows are ordered by the time of their change.</summary>
    private static DateTimeOffset At(long version) => Changed.AddSeconds(version);
}
#pragma warning restore CA1001

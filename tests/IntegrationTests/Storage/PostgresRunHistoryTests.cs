using Actors.Grains;
using Actors.Grains.History;
using Actors.Grains.Tasks.Stored;
using Actors.IntegrationTests.Support;
using Actors.Silo.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Actors.IntegrationTests.Storage;

// The history and data source are disposed in IAsyncLifetime.DisposeAsync.
#pragma warning disable CA1001
[Collection(PostgresCollection.Name)]
public sealed class PostgresRunHistoryTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private NpgsqlDataSource _dataSource = null!;
    private PostgresRunHistory _history = null!;

    public async Task InitializeAsync()
    {
        var database = await postgres.CreateDatabaseAsync();
        await SchemaInstaller.ApplyAsync(database, NullLogger.Instance, CancellationToken.None);
        _dataSource = NpgsqlDataSource.Create(database);
        _history = new PostgresRunHistory(_dataSource, NullLogger<PostgresRunHistory>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _history.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    [Fact]
    public async Task ARecordWrittenAgainMakesNoSecondRow()
    {
        var task = Guid.NewGuid();
        var run = Run(task, 1, RunOutcome.Succeeded, Noon);

        await _history.WriteAsync(task, "a", [run]);
        await Task.WhenAll(_history.WriteAsync(task, "a", [run]), _history.WriteAsync(task, "a", [run, run]));
        var page = await _history.ListAsync(new RunQuery { TaskId = task });

        Assert.Equal(1, page.Total);
        var stored = Assert.Single(page.Runs);
        Assert.Equal(run.ToWire(task), stored);
    }

    [Fact]
    public async Task ATasksRunsPageNewestFirstByOffsetAndByCursorWithTheirTotal()
    {
        var task = Guid.NewGuid();
        await _history.WriteAsync(task, "b", [.. Enumerable.Range(1, 25).Select(i => Run(task, i, RunOutcome.Succeeded, Noon.AddSeconds(i)))]);

        var first = await _history.ListAsync(new RunQuery { TaskId = task, Limit = 10 });
        var second = await _history.ListAsync(new RunQuery { TaskId = task, Limit = 10, Cursor = first.NextCursor });
        var byOffset = await _history.ListAsync(new RunQuery { TaskId = task, Limit = 10, Offset = 10 });
        var last = await _history.ListAsync(new RunQuery { TaskId = task, Limit = 10, Cursor = second.NextCursor });

        Assert.Equal(25, first.Total);
        Assert.Equal(Enumerable.Range(16, 10).Reverse(), first.Runs.Select(r => (int)r.Round));
        Assert.Equal(Enumerable.Range(6, 10).Reverse(), second.Runs.Select(r => (int)r.Round));
        Assert.Equal(second.Runs, byOffset.Runs);
        Assert.Equal(Enumerable.Range(1, 5).Reverse(), last.Runs.Select(r => (int)r.Round));
        Assert.Null(last.NextCursor);
    }

    [Fact]
    public async Task RunsAcrossTasksFilterByOutcomeTimeAndAccount()
    {
        var (one, two) = (Guid.NewGuid(), Guid.NewGuid());
        var account = "acct-" + Guid.NewGuid().ToString("N")[..8];
        await using (var catalog = new PostgresTaskCatalog(_dataSource, NullLogger<PostgresTaskCatalog>.Instance))
        {
            await catalog.UpsertAsync(new TaskInfo { TaskId = one, Spec = new TaskSpec { AccountId = account }, Version = 1, CreatedAt = Noon });
        }

        await _history.WriteAsync(one, account, [Run(one, 1, RunOutcome.Failed, Noon.AddMinutes(1)), Run(one, 2, RunOutcome.Succeeded, Noon.AddMinutes(2))]);
        await _history.WriteAsync(two, "other", [Run(two, 1, RunOutcome.Failed, Noon.AddMinutes(3))]);

        var failed = await _history.ListAsync(new RunQuery { Outcome = RunOutcome.Failed, Since = Noon, Until = Noon.AddMinutes(10) });
        var ofAccount = await _history.ListAsync(new RunQuery { AccountId = account });
        var early = await _history.ListAsync(new RunQuery { Since = Noon, Until = Noon.AddMinutes(2) });

        Assert.Equal([two, one], failed.Runs.Select(r => r.TaskId));
        Assert.Equal([2L, 1L], ofAccount.Runs.Select(r => r.Round));
        Assert.Equal([one], early.Runs.Select(r => r.TaskId));
    }

    [Fact]
    public async Task ThePrunerKeepsTheNewestRunsOfATaskAndNothingPastTheAgeLimit()
    {
        var (busy, old) = (Guid.NewGuid(), Guid.NewGuid());
        var clock = new FakeTimeProvider(Noon.AddDays(40));
        var options = Options.Create(new RunHistoryOptions { MaxRunsPerTask = 20, MaxAge = TimeSpan.FromDays(30) });
        var pruner = new RunHistoryPruner(_dataSource, _history, options, clock, NullLogger<RunHistoryPruner>.Instance);
        await _history.WriteAsync(busy, "c", [.. Enumerable.Range(1, 60).Select(i => Run(busy, i, RunOutcome.Succeeded, Noon.AddDays(39).AddSeconds(i)))]);
        await _history.WriteAsync(old, "c", [Run(old, 1, RunOutcome.Succeeded, Noon.AddDays(5)), Run(old, 2, RunOutcome.Succeeded, Noon.AddDays(15))]);

        await pruner.PruneAsync(CancellationToken.None);

        var kept = await _history.ListAsync(new RunQuery { TaskId = busy, Limit = 100 });
        Assert.Equal(Enumerable.Range(41, 20).Reverse(), kept.Runs.Select(r => (int)r.Round));
        Assert.Equal([2L], (await _history.ListAsync(new RunQuery { TaskId = old })).Runs.Select(r => r.Round));
    }

    private static StoredRun Run(Guid task, long round, RunOutcome outcome, DateTimeOffset started) => new()
    {
        RunId = $"{task}:{round}",
        Round = round,
        Attempt = 1,
        ScheduledAt = started.AddMilliseconds(-5),
        StartedAt = started,
        FinishedAt = started.AddMilliseconds(40),
        Outcome = outcome,
        Error = outcome == RunOutcome.Succeeded ? null : "HTTP 500",
        Output = "ok",
        Silo = "127.0.0.1:11111@1",
        Trigger = RunTrigger.Schedule,
    };
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Actors.Grains;
using Actors.Grains.Catalog;
using Actors.Grains.Storage;
using Actors.Grains.Tasks.Stored;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Actors.Silo.Storage;

/// <summary>
/// The task catalog in PostgreSQL. Upserts from all grains of this silo are coalesced into one
/// multi-row statement (whatever is queued when the writer comes round), each caller's task
/// completing once its row is durable. Every write is versioned: a stored row only ever moves to a
/// newer version, so late writes and writes after a delete are ignored.
/// </summary>
public sealed class PostgresTaskCatalog : ITaskCatalog, IAsyncDisposable
{
    private const int MaxBatch = 500;

    /// <summary>How long posted rows may wait to be written with others.</summary>
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The least time from one write to the next when awaited rows arrive one by one: a command
    /// alone is written at once, a stream of them (1,000 creates/s) goes in batches of a few rows
    /// rather than one batch of three statements per create or two.
    /// </summary>
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(5);

    private const string UpsertSql = """
        INSERT INTO actors_task_catalog AS c (task_id, account_id, status, created_at, next_run_at, version, deleted, info, silo)
        SELECT * FROM unnest(@ids, @accounts, @statuses, @created, @next, @versions, @deleted, @infos::json[], @silos)
        ON CONFLICT (task_id) DO UPDATE
        SET account_id = EXCLUDED.account_id, status = EXCLUDED.status, created_at = EXCLUDED.created_at,
            next_run_at = EXCLUDED.next_run_at, version = EXCLUDED.version, deleted = EXCLUDED.deleted, info = EXCLUDED.info,
            silo = coalesce(EXCLUDED.silo, c.silo), written_at = now()
        WHERE c.version < EXCLUDED.version OR (c.version = EXCLUDED.version AND EXCLUDED.silo IS DISTINCT FROM c.silo AND EXCLUDED.silo IS NOT NULL)
        RETURNING task_id, status, silo
        """;

    /// <summary>
    /// The due rows: an update of the rows that exist (a plain update, which logs no row lock as an
    /// upsert's conflict path does), then an insert of the rest.
    /// </summary>
    private const string DueSql = """
        WITH u (task_id, next_run_at, version, active, status, round, last_run_at, updated_at, failures, missed, running_since, state_version) AS (
            SELECT * FROM unnest(@ids, @next, @versions, @active, @statuses, @rounds, @lastRuns, @updated, @failures, @missed, @runningSince, @stateVersions)),
        updated AS (
            UPDATE actors_task_due d
            SET next_run_at = u.next_run_at, version = u.version, active = u.active, status = u.status, round = u.round,
                last_run_at = u.last_run_at, updated_at = u.updated_at, failures = u.failures, missed = u.missed,
                running_since = u.running_since, state_version = u.state_version
            FROM u WHERE d.task_id = u.task_id AND d.version < u.version
            RETURNING d.task_id)
        INSERT INTO actors_task_due (task_id, next_run_at, version, active, status, round, last_run_at, updated_at, failures, missed, running_since, state_version)
        SELECT * FROM u WHERE NOT EXISTS (SELECT 1 FROM actors_task_due d WHERE d.task_id = u.task_id)
        ON CONFLICT (task_id) DO NOTHING
        """;

    /// <summary>
    /// Plans the batch's statements for the rows at hand and the tables as they are now, not once
    /// per connection: a plan cached while the due table was small scans all of it for every batch
    /// (seen: 13.6 ms and 1,484 pages per 20-row batch at 60,000 tasks, two thirds of PostgreSQL's
    /// CPU per create), and the table grows from nothing faster than autovacuum re-analyzes it.
    /// Local to the batch's transaction.
    /// </summary>
    private const string CustomPlansSql = "SELECT set_config('plan_cache_mode', 'force_custom_plan', true)";

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<PostgresTaskCatalog> _logger;
    private readonly Channel<Write> _writes = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private readonly Lock _postedLock = new();
    private Dictionary<Guid, Row> _posted = [];

    /// <summary>
    /// The status and silo of each catalog row this silo last wrote: a posted change that keeps
    /// both writes only the task's due row (its progress), not the catalog row and its indexes.
    /// </summary>
    private readonly ConcurrentDictionary<Guid, (string Status, string? Silo)> _written = new();

    /// <summary>Starts the background writer.</summary>
    public PostgresTaskCatalog(NpgsqlDataSource dataSource, ILogger<PostgresTaskCatalog> logger)
    {
        _dataSource = dataSource;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <inheritdoc />
    public Task UpsertAsync(TaskInfo task, string? host = null, CancellationToken cancellationToken = default) => Enqueue(ToRow(task, host) with { Whole = true });

    /// <inheritdoc />
    public void Post(TaskInfo task, string host, bool whole = false) => Keep([ToRow(task, host) with { Whole = whole }]);

    /// <inheritdoc />
    public Task RemoveAsync(Guid taskId, DateTimeOffset deletedAt, CancellationToken cancellationToken = default) =>
        Enqueue(new Row(taskId, "", "deleted", DateTimeOffset.UtcNow, null, deletedAt.UtcTicks, true, null, null) { Whole = true });

    /// <inheritdoc />
    public async Task<TaskPage> ListAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        var filter = "NOT deleted"
            + (query.AccountId is null ? "" : " AND account_id = @account")
            + (query.Status is null ? "" : " AND status = @status");
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(Command($"SELECT count(*) FROM actors_task_catalog WHERE {filter}", query));
        // Offset over the ids alone (an index-only scan), then fetch the page's rows: a deep
        // offset skips index entries rather than whole rows.
        // Each row with its progress (the due row) and its last run (the run history's newest).
        var page = Command($"""
            SELECT c.info, d.status, d.round, d.last_run_at, d.next_run_at, d.updated_at, d.failures, d.state_version, d.missed, d.running_since, r.* FROM (
                SELECT task_id, created_at FROM actors_task_catalog WHERE {filter}
                ORDER BY created_at, task_id LIMIT @limit OFFSET @offset) p
            JOIN actors_task_catalog c ON c.task_id = p.task_id
            LEFT JOIN actors_task_due d ON d.task_id = p.task_id
            LEFT JOIN LATERAL (
                SELECT {PostgresRunHistory.Columns} FROM actors_task_runs WHERE task_id = p.task_id
                ORDER BY started_at DESC, run_id DESC, attempt DESC LIMIT 1) r ON true
            ORDER BY p.created_at, p.task_id
            """, query);
        page.Parameters.AddWithValue("limit", query.Limit);
        page.Parameters.AddWithValue("offset", query.Offset);
        batch.BatchCommands.Add(page);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var tasks = new List<TaskInfo>(query.Limit);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = JsonSerializer.Deserialize<CatalogEntry>(reader.GetString(0), ActorsJson.Options)!;
            var progress = reader.IsDBNull(5) ? null : ReadProgress(reader, 1);
            var lastRun = reader.IsDBNull(10) ? null : PostgresRunHistory.ReadRun(reader, 10).ToStored().Summary();
            tasks.Add(entry.With(progress, lastRun).ToInfo());
        }

        return new TaskPage { Total = total, Tasks = [.. tasks] };
    }

    /// <inheritdoc />
    public async Task<StatusCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT status, count(*) FROM actors_task_catalog WHERE NOT deleted GROUP BY status");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        long Of(ScheduledTaskStatus status) => counts.GetValueOrDefault(StatusName(status));
        return new StatusCounts
        {
            Pending = Of(ScheduledTaskStatus.Pending),
            Running = Of(ScheduledTaskStatus.Running),
            Paused = Of(ScheduledTaskStatus.Paused),
            Completed = Of(ScheduledTaskStatus.Completed),
            Error = Of(ScheduledTaskStatus.Error),
        };
    }

    /// <inheritdoc />
    public async Task<Guid[]> OverdueAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT task_id FROM actors_task_due WHERE active AND next_run_at < @before ORDER BY next_run_at LIMIT @limit");
        command.Parameters.AddWithValue("before", before.UtcDateTime);
        command.Parameters.AddWithValue("limit", limit);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return [.. ids];
    }

    /// <inheritdoc />
    public async Task<Guid[]> HostedOnAsync(string silo, Guid after, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT task_id FROM actors_task_catalog WHERE silo = @silo AND NOT deleted AND status IN ('pending', 'running') AND task_id > @after ORDER BY task_id LIMIT @limit");
        command.Parameters.AddWithValue("silo", silo);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("limit", limit);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return [.. ids];
    }

    /// <inheritdoc />
    public async Task<RunningTask[]> RunningAsync(int limit, CancellationToken cancellationToken = default)
    {
        var page = await ListAsync(new TaskQuery { Status = ScheduledTaskStatus.Running, Limit = limit }, cancellationToken);
        return [.. page.Tasks.Select(t => new RunningTask(t.TaskId, t.Spec.AccountId, t.RunningSince))];
    }

    /// <summary>Writes what is queued, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await _writer;
    }

    private static string StatusName(ScheduledTaskStatus status) => status.ToString().ToLowerInvariant();

    private static NpgsqlBatchCommand Command(string sql, TaskQuery query)
    {
        var command = new NpgsqlBatchCommand(sql);
        if (query.AccountId is not null)
        {
            command.Parameters.AddWithValue("account", query.AccountId);
        }

        if (query.Status is { } status)
        {
            command.Parameters.AddWithValue("status", StatusName(status));
        }

        return command;
    }

    private Task Enqueue(Row row)
    {
        var write = new Write(row, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_writes.Writer.TryWrite(write))
        {
            throw new InvalidOperationException("The task catalog is shutting down.");
        }

        return write.Done.Task;
    }

    private static Row ToRow(TaskInfo task, string? host) =>
        new(task.TaskId, task.Spec.AccountId, StatusName(task.Status), task.CreatedAt, task.NextExecutionTime, task.UpdatedAt.UtcTicks, false, task, host);

    /// <summary>Adds rows to the posted set, keeping the newest version per task.</summary>
    private void Keep(IEnumerable<Row> rows)
    {
        lock (_postedLock)
        {
            foreach (var row in rows)
            {
                if (!_posted.TryGetValue(row.TaskId, out var existing))
                {
                    _posted[row.TaskId] = row;
                }
                else if (existing.Version < row.Version || (existing.Version == row.Version && row.Silo is not null))
                {
                    _posted[row.TaskId] = row with { Whole = row.Whole || existing.Whole };
                }
                else if (row.Whole && !existing.Whole)
                {
                    _posted[row.TaskId] = existing with { Whole = true };
                }
            }
        }
    }

    private List<Row> TakePosted()
    {
        lock (_postedLock)
        {
            if (_posted.Count == 0)
            {
                return [];
            }

            var rows = _posted.Values.ToList();
            _posted = [];
            return rows;
        }
    }

    /// <summary>
    /// Writes awaited rows as soon as the writer comes round, posted rows at least every
    /// <see cref="Linger"/>; both go in the same statements.
    /// </summary>
    private async Task WriteLoopAsync()
    {
        var awaited = new List<Write>(MaxBatch);
        var open = true;
        Task<bool>? ready = null;
        var lastWrite = 0L;
        while (open)
        {
            // One wait at a time: a wait cut short by the linger is kept for the next round.
            ready ??= _writes.Reader.WaitToReadAsync().AsTask();
            if (!ready.IsCompleted)
            {
                await Task.WhenAny(ready, Task.Delay(Linger));
            }

            if (ready.IsCompleted)
            {
                open = await ready;
                ready = null;
                if (open && Stopwatch.GetElapsedTime(lastWrite) is var since && since < Spacing)
                {
                    await Task.Delay(Spacing - since);
                }
            }

            awaited.Clear();
            while (awaited.Count < MaxBatch && _writes.Reader.TryRead(out var write))
            {
                awaited.Add(write);
            }

            var posted = TakePosted();
            if (awaited.Count == 0 && posted.Count == 0)
            {
                continue;
            }

            lastWrite = Stopwatch.GetTimestamp();
            try
            {
                foreach (var chunk in awaited.Select(w => w.Row).Concat(posted).Chunk(MaxBatch * 2))
                {
                    await FlushAsync(chunk);
                }

                awaited.ForEach(w => w.Done.TrySetResult());
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Could not write {Count} task catalog rows; posted rows are kept for the next write", awaited.Count + posted.Count);
                awaited.ForEach(w => w.Done.TrySetException(ex));
                Keep(posted);
                if (open)
                {
                    await Task.Delay(Linger);
                }
            }
        }
    }

    private async Task FlushAsync(IEnumerable<Row> queued)
    {
        // One statement cannot touch a row twice: keep the newest version per task.
        var rows = queued.GroupBy(r => r.TaskId).Select(g => g.MaxBy(r => r.Version)! with { Whole = g.Any(r => r.Whole) }).ToList();
        var ids = rows.Select(r => r.TaskId).ToArray();
        var next = rows.Select(r => r.NextRunAt is { } n ? (object)n.UtcDateTime : DBNull.Value).ToArray();
        var versions = rows.Select(r => r.Version).ToArray();
        var entries = rows.ToDictionary(r => r.TaskId, r => r.Task?.ToEntry());
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(CustomPlansSql));

        var due = new NpgsqlBatchCommand(DueSql);
        batch.BatchCommands.Add(due);
        due.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids });
        due.Parameters.Add(new NpgsqlParameter("next", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = next });
        due.Parameters.Add(new NpgsqlParameter("versions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = versions });
        due.Parameters.Add(new NpgsqlParameter("active", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = rows.Select(r => r.IsDue).ToArray() });
        AddProgress(due, rows.Select(r => entries[r.TaskId]).ToArray());

        // The catalog row only when it changes more than the task's progress.
        rows = [.. rows.Where(r => r.Whole || !_written.TryGetValue(r.TaskId, out var known) || known != (r.Status, r.Silo ?? known.Silo))];
        if (rows.Count == 0)
        {
            await batch.ExecuteNonQueryAsync();
            return;
        }

        var command = new NpgsqlBatchCommand(UpsertSql);
        batch.BatchCommands.Insert(0, command);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = rows.Select(r => r.TaskId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("accounts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.AccountId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("statuses", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Status).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("created", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = rows.Select(r => r.CreatedAt.UtcDateTime).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("next", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = rows.Select(r => r.NextRunAt is { } n ? (object)n.UtcDateTime : DBNull.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("versions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.Select(r => r.Version).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("deleted", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = rows.Select(r => r.Deleted).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("infos", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = rows.Select(r => entries[r.TaskId] is { } entry ? (object)JsonSerializer.Serialize(entry, ActorsJson.Options) : DBNull.Value).ToArray(),
        });
        command.Parameters.Add(new NpgsqlParameter("silos", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => (object?)r.Silo ?? DBNull.Value).ToArray() });

        // One round trip, one transaction: the catalog row and its due row move together. Only
        // the rows the catalog took (newer versions) are remembered as written.
        await using var reader = await batch.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetGuid(0);
            if (reader.GetString(1) == "deleted")
            {
                _written.TryRemove(id, out _);
            }
            else
            {
                _written[id] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            }
        }
    }

    /// <summary>The progress columns of the due rows (all null for a deleted task).</summary>
    private static void AddProgress(NpgsqlBatchCommand command, CatalogEntry?[] entries)
    {
        void Add<T>(string name, NpgsqlDbType type, Func<CatalogEntry, T?> value) =>
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = entries.Select(e => e is null ? DBNull.Value : (object?)value(e) ?? DBNull.Value).ToArray() });

        Add("statuses", NpgsqlDbType.Smallint, e => (short)e.Status);
        Add("rounds", NpgsqlDbType.Bigint, e => e.RoundNum);
        Add("lastRuns", NpgsqlDbType.TimestampTz, e => e.LastExecutionTime?.UtcDateTime);
        Add("updated", NpgsqlDbType.TimestampTz, e => e.UpdatedAt.UtcDateTime);
        Add("failures", NpgsqlDbType.Integer, e => e.ConsecutiveFailures);
        Add("missed", NpgsqlDbType.Bigint, e => e.MissedRuns);
        Add("runningSince", NpgsqlDbType.TimestampTz, e => e.RunningSince?.UtcDateTime);
        Add("stateVersions", NpgsqlDbType.Bigint, e => e.Version);
    }

    /// <summary>A due row's progress from its columns (status, round, last run, next run, updated, failures, version, missed, running since) from <paramref name="first"/> on.</summary>
    private static CatalogEntry ReadProgress(NpgsqlDataReader reader, int first)
    {
        DateTimeOffset? At(int i) => reader.IsDBNull(first + i) ? null : reader.GetFieldValue<DateTimeOffset>(first + i);
        return new CatalogEntry
        {
            Status = (ScheduledTaskStatus)reader.GetInt16(first),
            RoundNum = reader.GetInt64(first + 1),
            LastExecutionTime = At(2),
            NextExecutionTime = At(3),
            UpdatedAt = At(4)!.Value,
            ConsecutiveFailures = reader.GetInt32(first + 5),
            Version = reader.GetInt64(first + 6),
            MissedRuns = reader.GetInt64(first + 7),
            RunningSince = At(8),
        };
    }

    /// <summary>A task's row; its JSON is made when the row is written, so a row replaced by a newer one while posted costs nothing.</summary>
    private sealed record Row(Guid TaskId, string AccountId, string Status, DateTimeOffset CreatedAt, DateTimeOffset? NextRunAt, long Version, bool Deleted, TaskInfo? Task, string? Silo)
    {
        /// <summary>Whether the whole catalog row is written whatever this silo wrote before (commands, deletes, rebuilds).</summary>
        public bool Whole { get; init; }

        /// <summary>Whether the overdue sweep looks at the task (pending or running, not deleted).</summary>
        public bool IsDue => !Deleted && Status is "pending" or "running";
    }

    private sealed record Write(Row Row, TaskCompletionSource Done);
}

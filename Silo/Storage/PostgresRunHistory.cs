using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Actors.Grains;
using Actors.Grains.History;
using Actors.Grains.Tasks.Stored;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Actors.Silo.Storage;

/// <summary>
/// The run history in PostgreSQL (<c>actors_task_runs</c>). Writes from every grain of this silo are
/// coalesced into one multi-row insert (whatever is queued when the writer comes round), each
/// caller's task completing once its rows are durable; a row already there is left alone, so a
/// record written again after a crash never makes a second row.
/// </summary>
public sealed partial class PostgresRunHistory : IRunHistory, IAsyncDisposable
{
    private const int MaxBatch = 1000;

    /// <summary>After this many records of one task written here, its oldest beyond the retention are pruned.</summary>
    private const int PruneEvery = 50;

    private const string InsertSql = """
        INSERT INTO actors_task_runs (task_id, started_at, run_id, attempt, round, scheduled_at, finished_at, outcome, trigger, silo, error, output)
        SELECT * FROM unnest(@tasks, @started, @runs, @attempts, @rounds, @scheduled, @finished, @outcomes, @triggers, @silos, @errors, @outputs)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>The columns <see cref="ReadRun"/> reads, in its order.</summary>
    internal const string Columns = "task_id, started_at, run_id, attempt, round, scheduled_at, finished_at, outcome, trigger, silo, error, output";

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<PostgresRunHistory> _logger;
    private readonly Channel<Write> _writes = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<Guid, int> _writtenPerTask = [];
    private readonly Task _writer;

    /// <summary>Starts the background writer.</summary>
    public PostgresRunHistory(NpgsqlDataSource dataSource, ILogger<PostgresRunHistory> logger)
    {
        _dataSource = dataSource;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Tasks with enough new records written here that their oldest may be past the retention.</summary>
    public Channel<Guid> PruneCandidates { get; } = Channel.CreateBounded<Guid>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <inheritdoc />
    public Task WriteAsync(Guid taskId, string accountId, IReadOnlyList<StoredRun> runs)
    {
        var write = new Write(taskId, runs, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return _writes.Writer.TryWrite(write) ? write.Done.Task : Task.FromException(new InvalidOperationException("The run history is shutting down."));
    }

    /// <inheritdoc />
    public async Task<StoredRun?> FindAsync(Guid taskId, DateTimeOffset startedAt, string runId, int attempt)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT {Columns} FROM actors_task_runs WHERE task_id = @task AND started_at = @started AND run_id = @run AND attempt = @attempt");
        command.Parameters.AddWithValue("task", taskId);
        command.Parameters.AddWithValue("started", startedAt.UtcDateTime);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("attempt", attempt);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader).ToStored() : null;
    }

    /// <inheritdoc />
    public async Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        var filter = new StringBuilder("TRUE");
        var parameters = new List<NpgsqlParameter>();
        void Add(string condition, string name, object value)
        {
            filter.Append(" AND ").Append(condition);
            parameters.Add(new NpgsqlParameter(name, value));
        }

        if (query.TaskId is { } task)
        {
            Add("task_id = @task", "task", task);
        }

        if (query.AccountId is { } account)
        {
            Add("task_id IN (SELECT task_id FROM actors_task_catalog WHERE account_id = @account)", "account", account);
        }

        if (query.Outcome is { } outcome)
        {
            // A literal, so the planner can use the partial index of runs that did not succeed.
            filter.Append(CultureInfo.InvariantCulture, $" AND outcome = {(int)outcome}");
        }

        if (query.Since is { } since)
        {
            Add("started_at >= @since", "since", since.UtcDateTime);
        }

        if (query.Until is { } until)
        {
            Add("started_at < @until", "until", until.UtcDateTime);
        }

        var cursor = query.Cursor is { } token ? RunCursor.Decode(token) : null;
        var page = new StringBuilder($"SELECT {Columns} FROM actors_task_runs WHERE {filter}");
        if (cursor is not null)
        {
            page.Append(" AND (started_at, run_id, attempt) < (@cursor_started, @cursor_run, @cursor_attempt)");
        }

        page.Append(" ORDER BY started_at DESC, run_id DESC, attempt DESC LIMIT @limit OFFSET @offset");
        await using var batch = _dataSource.CreateBatch();
        var count = new NpgsqlBatchCommand($"SELECT count(*) FROM (SELECT 1 FROM actors_task_runs WHERE {filter} LIMIT {RunPage.CountLimit + 1}) c");
        var rows = new NpgsqlBatchCommand(page.ToString());
        foreach (var parameter in parameters)
        {
            count.Parameters.Add(parameter.Clone());
            rows.Parameters.Add(parameter);
        }

        rows.Parameters.AddWithValue("limit", query.Limit + 1);
        rows.Parameters.AddWithValue("offset", cursor is null ? query.Offset : 0);
        if (cursor is not null)
        {
            rows.Parameters.AddWithValue("cursor_started", cursor.StartedAt.UtcDateTime);
            rows.Parameters.AddWithValue("cursor_run", cursor.RunId);
            rows.Parameters.AddWithValue("cursor_attempt", cursor.Attempt);
        }

        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(rows);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var runs = new List<RunRecord>(query.Limit + 1);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(Read(reader));
        }

        var more = runs.Count > query.Limit;
        var shown = runs.Take(query.Limit).ToArray();
        return new RunPage
        {
            Total = Math.Min(total, RunPage.CountLimit),
            TotalIsLowerBound = total > RunPage.CountLimit,
            Runs = shown,
            NextCursor = more ? new RunCursor(shown[^1].StartedAt, shown[^1].RunId, shown[^1].Attempt).Encode() : null,
        };
    }

    /// <summary>Writes what is queued, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await _writer;
    }

    private static RunRecord Read(NpgsqlDataReader reader) => ReadRun(reader, 0);

    /// <summary>A run from <see cref="Columns"/>, read from ordinal <paramref name="first"/> on.</summary>
    internal static RunRecord ReadRun(NpgsqlDataReader reader, int first) => new()
    {
        TaskId = reader.GetGuid(first),
        StartedAt = reader.GetFieldValue<DateTimeOffset>(first + 1),
        RunId = reader.GetString(first + 2),
        Attempt = reader.GetInt32(first + 3),
        Round = reader.GetInt64(first + 4),
        ScheduledAt = reader.GetFieldValue<DateTimeOffset>(first + 5),
        FinishedAt = reader.IsDBNull(first + 6) ? null : reader.GetFieldValue<DateTimeOffset>(first + 6),
        Outcome = (RunOutcome)reader.GetInt16(first + 7),
        Trigger = (RunTrigger)reader.GetInt16(first + 8),
        Silo = reader.GetString(first + 9),
        Error = reader.IsDBNull(first + 10) ? null : reader.GetString(first + 10),
        Output = reader.IsDBNull(first + 11) ? null : reader.GetString(first + 11),
    };

    private async Task WriteLoopAsync()
    {
        var batch = new List<Write>(MaxBatch);
        while (await _writes.Reader.WaitToReadAsync())
        {
            batch.Clear();
            var rows = 0;
            while (rows < MaxBatch && _writes.Reader.TryRead(out var write))
            {
                batch.Add(write);
                rows += write.Runs.Count;
            }

            try
            {
                await FlushAsync(batch);
                batch.ForEach(w => w.Done.TrySetResult());
                NotePrunable(batch);
            }
            catch (Exception ex)
            {
                // The records stay in their tasks' state; each task hands them over again later.
                LogWriteFailed(ex, rows);
                batch.ForEach(w => w.Done.TrySetException(ex));
            }
        }
    }

    private async Task FlushAsync(List<Write> batch)
    {
        var rows = batch.SelectMany(w => w.Runs.Select(r => (w.TaskId, Run: r))).ToList();
        await using var command = _dataSource.CreateCommand(InsertSql);
        void Add<T>(string name, NpgsqlDbType type, Func<(Guid TaskId, StoredRun Run), T> value) =>
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = rows.Select(value).ToArray() });
        Add("tasks", NpgsqlDbType.Uuid, r => r.TaskId);
        Add("started", NpgsqlDbType.TimestampTz, r => r.Run.StartedAt.UtcDateTime);
        Add("runs", NpgsqlDbType.Text, r => r.Run.RunId);
        Add("attempts", NpgsqlDbType.Integer, r => r.Run.Attempt);
        Add("rounds", NpgsqlDbType.Bigint, r => r.Run.Round);
        Add("scheduled", NpgsqlDbType.TimestampTz, r => r.Run.ScheduledAt.UtcDateTime);
        Add("finished", NpgsqlDbType.TimestampTz, r => r.Run.FinishedAt is { } f ? (object)f.UtcDateTime : DBNull.Value);
        Add("outcomes", NpgsqlDbType.Smallint, r => (short)r.Run.Outcome);
        Add("triggers", NpgsqlDbType.Smallint, r => (short)r.Run.Trigger);
        Add("silos", NpgsqlDbType.Text, r => r.Run.Silo);
        Add("errors", NpgsqlDbType.Text, r => (object?)r.Run.Error ?? DBNull.Value);
        Add("outputs", NpgsqlDbType.Text, r => (object?)r.Run.Output ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    private void NotePrunable(List<Write> batch)
    {
        foreach (var write in batch)
        {
            var written = _writtenPerTask.GetValueOrDefault(write.TaskId) + write.Runs.Count;
            if (written >= PruneEvery)
            {
                PruneCandidates.Writer.TryWrite(write.TaskId);
                written = 0;
            }

            _writtenPerTask[write.TaskId] = written;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write {Count} run records; their tasks keep them and write them again")]
    private partial void LogWriteFailed(Exception exception, int count);

    private sealed record Write(Guid TaskId, IReadOnlyList<StoredRun> Runs, TaskCompletionSource Done);
}

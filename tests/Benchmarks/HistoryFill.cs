using Npgsql;

namespace Actors.Benchmarks;

/// <summary>
/// Gives tasks a run history before a measurement, written straight into the run table (the
/// fastest way): N finished runs per task, a minute apart, ending before now.
/// </summary>
public static class HistoryFill
{
    private const int TasksPerStatement = 2_000;

    private const string InsertSql = """
        INSERT INTO actors_task_runs (task_id, started_at, run_id, attempt, round, scheduled_at, finished_at, outcome, trigger, silo, error, output)
        SELECT t.id, now() - g * interval '60 seconds', t.id::text || ':history-' || g, 1, 0,
               now() - g * interval '60 seconds', now() - g * interval '60 seconds' + interval '20 milliseconds', 1, 0, 'history-fill', NULL, 'ok'
        FROM unnest(@ids) AS t(id), generate_series(1, @runs) AS g
        ON CONFLICT DO NOTHING
        """;

    /// <summary>Writes <paramref name="runs"/> past runs for each task; returns how long it took.</summary>
    public static async Task<TimeSpan> FillAsync(string connectionString, IReadOnlyList<Guid> taskIds, int runs)
    {
        var started = DateTimeOffset.UtcNow;
        if (runs <= 0 || taskIds.Count == 0)
        {
            return TimeSpan.Zero;
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        foreach (var chunk in taskIds.Chunk(TasksPerStatement))
        {
            await using var command = dataSource.CreateCommand(InsertSql);
            command.CommandTimeout = 600;
            command.Parameters.AddWithValue("ids", chunk);
            command.Parameters.AddWithValue("runs", runs);
            await command.ExecuteNonQueryAsync();
        }

        await using (var analyze = dataSource.CreateCommand("VACUUM (ANALYZE) actors_task_runs"))
        {
            analyze.CommandTimeout = 600;
            await analyze.ExecuteNonQueryAsync();
        }

        return DateTimeOffset.UtcNow - started;
    }

    /// <summary>A WAL position in PostgreSQL's notation (for <c>pg_waldump -s/-e</c>; run with <c>ACTORS_PG_OPTS="-c wal_keep_size=4GB"</c> to keep the window's WAL).</summary>
    public static string Lsn(long position) => $"{position >> 32:X}/{position & 0xFFFFFFFF:X}";

    /// <summary>The current WAL position in bytes (its difference over a window is the WAL written meanwhile).</summary>
    public static async Task<long> WalPositionAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

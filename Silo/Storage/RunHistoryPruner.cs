using Actors.Grains;
using Actors.Grains.History;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Runtime;

namespace Actors.Silo.Storage;

/// <summary>
/// Keeps the run history within its retention in the background, in small batches: the runs of a
/// task beyond its newest <see cref="RunHistoryOptions.MaxRunsPerTask"/> (checked for tasks that have
/// written enough new records here), and every run older than <see cref="RunHistoryOptions.MaxAge"/>.
/// Silos pruning at once skip each other's rows.
/// </summary>
public sealed partial class RunHistoryPruner(
    NpgsqlDataSource dataSource,
    PostgresRunHistory history,
    IOptions<RunHistoryOptions> options,
    TimeProvider clock,
    ILogger<RunHistoryPruner> logger) : SiloLoop(ServiceLifecycleStage.Active)
{
    /// <summary>How often the pruner looks.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    private const int BatchSize = 1000;

    private const string PruneTaskSql = """
        DELETE FROM actors_task_runs WHERE task_id = @task AND started_at < (
            SELECT started_at FROM actors_task_runs WHERE task_id = @task
            ORDER BY started_at DESC, run_id DESC, attempt DESC OFFSET @keep LIMIT 1)
        """;

    private const string PruneOldSql = """
        DELETE FROM actors_task_runs WHERE ctid = ANY (ARRAY(
            SELECT ctid FROM actors_task_runs WHERE started_at < @cutoff LIMIT @batch FOR UPDATE SKIP LOCKED))
        """;

    /// <summary>One pass: prunes the tasks waiting for it and one batch of old runs; returns the rows removed.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var removed = 0;
        for (var i = 0; i < BatchSize && history.PruneCandidates.Reader.TryRead(out var task); i++)
        {
            await using var command = dataSource.CreateCommand(PruneTaskSql);
            command.Parameters.AddWithValue("task", task);
            command.Parameters.AddWithValue("keep", options.Value.MaxRunsPerTask - 1);
            removed += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        int old;
        do
        {
            await using var command = dataSource.CreateCommand(PruneOldSql);
            command.Parameters.AddWithValue("cutoff", (clock.GetUtcNow() - options.Value.MaxAge).UtcDateTime);
            command.Parameters.AddWithValue("batch", BatchSize);
            old = await command.ExecuteNonQueryAsync(cancellationToken);
            removed += old;
        }
        while (old == BatchSize && !cancellationToken.IsCancellationRequested);

        return removed;
    }

    /// <inheritdoc />
    protected override async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Period, clock, stopping);
                var removed = await PruneAsync(stopping);
                if (removed > 0)
                {
                    LogPruned(removed);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogPruneFailed(ex, Period);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} runs past the retention")]
    private partial void LogPruned(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning the run history failed; trying again in {Period}")]
    private partial void LogPruneFailed(Exception exception, TimeSpan period);
}

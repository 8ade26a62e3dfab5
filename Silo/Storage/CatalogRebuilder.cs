using System.Text.Json;
using Actors.Grains.Catalog;
using Actors.Grains.Storage;
using Actors.Grains.Tasks;
using Actors.Grains.Tasks.Stored;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Actors.Silo.Storage;

/// <summary>
/// Rebuilds the task catalog from grain state, the source of truth: every stored task is upserted
/// (versioned, so nothing newer is overwritten) and catalog rows with no stored task are removed.
/// Safe while the cluster runs: rows written after the scan started are left alone.
/// </summary>
public static class CatalogRebuilder
{
    /// <summary>Rebuilds; returns (tasks found, stale rows removed).</summary>
    public static async Task<(int Tasks, int Removed)> RebuildAsync(NpgsqlDataSource dataSource, ITaskCatalog catalog, string serviceId, ILogger logger, CancellationToken cancellationToken)
    {
        DateTime scanStarted;
        await using (var now = dataSource.CreateCommand("SELECT now()"))
        {
            scanStarted = (DateTime)(await now.ExecuteScalarAsync(cancellationToken))!;
        }

        var ids = new List<Guid>();
        var writes = new List<Task>();
        await using (var command = dataSource.CreateCommand(
            """
            SELECT t.payloadbinary, s.payloadbinary FROM orleansstorage t
            LEFT JOIN orleansstorage s ON s.serviceid = t.serviceid AND s.graintypestring = 'taskspec'
                AND s.grainidn0 = t.grainidn0 AND s.grainidn1 = t.grainidn1 AND s.grainidextensionstring IS NOT DISTINCT FROM t.grainidextensionstring
            WHERE t.serviceid = @service AND t.graintypestring = 'task' AND t.payloadbinary IS NOT NULL
            """))
        {
            command.Parameters.AddWithValue("service", serviceId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var state = JsonSerializer.Deserialize<TaskState>((byte[])reader[0], ActorsJson.Options);
                var spec = reader.IsDBNull(1) ? state?.Spec : JsonSerializer.Deserialize<StoredSpec>((byte[])reader[1], ActorsJson.Options);
                if (state is { Exists: true } && state.TaskId != Guid.Empty && spec is not null)
                {
                    ids.Add(state.TaskId);
                    writes.Add(catalog.UpsertAsync(state.ToInfo(state.TaskId, spec), cancellationToken: cancellationToken));
                }
            }
        }

        await Task.WhenAll(writes);
        await using var prune = dataSource.CreateCommand("""
            WITH removed AS (
                UPDATE actors_task_catalog SET deleted = true, info = NULL, status = 'deleted', written_at = now()
                WHERE NOT deleted AND written_at < @scanStarted AND NOT (task_id = ANY(@ids))
                RETURNING task_id),
            undue AS (
                UPDATE actors_task_due d SET active = false FROM removed r WHERE d.task_id = r.task_id)
            SELECT count(*)::integer FROM removed
            """);
        prune.Parameters.AddWithValue("scanStarted", scanStarted);
        prune.Parameters.AddWithValue("ids", ids.ToArray());
        var removed = (int)(await prune.ExecuteScalarAsync(cancellationToken))!;
        logger.LogInformation("Catalog rebuilt from grain state: {Tasks} tasks, {Removed} stale rows removed", ids.Count, removed);
        return (ids.Count, removed);
    }
}

using Actors.Silo.Configuration;
using Actors.Silo.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Actors.Silo.Hosting;

/// <summary><c>Actors.Silo --rebuild-catalog</c>: rebuilds the task catalog from grain state, then exits.</summary>
public static class CatalogCommand
{
    /// <summary>Runs the rebuild; returns the process exit code.</summary>
    public static async Task<int> RebuildAsync(SiloSettings settings)
    {
        using var loggerFactory = LoggerFactory.Create(l => l.AddConsole());
        var logger = loggerFactory.CreateLogger("Actors.Catalog");
        await SchemaInstaller.ApplyAsync(settings.Postgres, logger, CancellationToken.None);
        await using var dataSource = NpgsqlDataSource.Create(settings.Postgres);
        await using var catalog = new PostgresTaskCatalog(dataSource, loggerFactory.CreateLogger<PostgresTaskCatalog>());
        var (tasks, removed) = await CatalogRebuilder.RebuildAsync(dataSource, catalog, settings.ServiceId, logger, CancellationToken.None);
        Console.WriteLine($"catalog rebuilt: {tasks} tasks, {removed} stale rows removed");
        return 0;
    }
}

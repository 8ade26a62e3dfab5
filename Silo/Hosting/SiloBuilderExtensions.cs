using Actors.Grains;
using Actors.Grains.Catalog;
using Actors.Grains.History;
using Actors.Silo.Storage;
using Actors.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;

namespace Actors.Silo.Hosting;

/// <summary>Puts a silo's membership, grain state, reminders and task catalog in PostgreSQL.</summary>
public static class SiloBuilderExtensions
{
    private const string Invariant = "Npgsql";

    /// <summary>ADO.NET clustering, grain storage (JSON state) and reminders, and the PostgreSQL task catalog.</summary>
    public static ISiloBuilder UseActorsPostgres(this ISiloBuilder builder, string connectionString)
    {
        connectionString = PostgresConnections.Tune(connectionString);
        builder.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        builder.AddAdoNetGrainStorage(StorageNames.Default, o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
            o.GrainStorageSerializer = new JsonGrainStorageSerializer();
            o.DeleteStateOnClear = true;
        });

        // The same name resolves to the throttle around Orleans' store (the store's lifecycle
        // registration finds it by that name and is passed on to the store).
        var poolSize = new NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize;
        builder.Services.AddKeyedSingleton<Orleans.Storage.IGrainStorage>(StorageNames.Default, (sp, key) =>
            new ThrottledGrainStorage(Orleans.Storage.AdoNetGrainStorageFactory.Create(sp, (string)key!), ThrottledGrainStorage.LimitFor(poolSize)));
        builder.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<ITaskCatalog, PostgresTaskCatalog>();
        builder.Services.AddSingleton<Actors.Grains.Flows.IRunningCycles, PostgresRunningCycles>();
        builder.Services.AddSingleton<PostgresRunHistory>();
        builder.Services.AddSingleton<IRunHistory>(sp => sp.GetRequiredService<PostgresRunHistory>());
        builder.Services.AddSingleton<RunHistoryPruner>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<RunHistoryPruner>());
        return builder;
    }
}

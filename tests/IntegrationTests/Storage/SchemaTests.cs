using Actors.IntegrationTests.Support;
using Actors.Silo.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Actors.IntegrationTests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class SchemaTests(PostgresServer postgres)
{
    [Fact]
    public async Task TheSchemaAppliesTwiceAndChangesNothingTheSecondTime()
    {
        var database = await postgres.CreateDatabaseAsync();

        await SchemaInstaller.ApplyAsync(database, NullLogger.Instance, CancellationToken.None);
        var first = await SnapshotAsync(database);
        await SchemaInstaller.ApplyAsync(database, NullLogger.Instance, CancellationToken.None);
        var second = await SnapshotAsync(database);

        Assert.Equal(first, second);
        Assert.Contains("orleansquery:21", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SilosApplyingTheSchemaAtOnceDoNotRace()
    {
        var database = await postgres.CreateDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SchemaInstaller.ApplyAsync(database, NullLogger.Instance, CancellationToken.None)));

        Assert.Contains("orleansquery:21", await SnapshotAsync(database), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableServerGivesAMessageNamingItWithoutThePassword()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaInstaller.ApplyAsync(
            $"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Password=secret;Database=nowhere;Timeout=3",
            NullLogger.Instance, CancellationToken.None));

        Assert.Contains("/nowhere", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStartingSiloWaitsForADatabaseThatIsDownAndGoesOnWhenItIsBack()
    {
        await using var server = new PostgresServer();
        await server.InitializeAsync();
        await server.StopImmediatelyAsync();

        var applying = SchemaInstaller.ApplyAsync(server.ConnectionString, NullLogger.Instance, CancellationToken.None, TimeSpan.FromMinutes(1));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(applying.IsCompleted, "the schema cannot be applied while the database is down");
        await server.StartAsync();
        await applying.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("table:actors_task_runs", await SnapshotAsync(server.ConnectionString), StringComparison.Ordinal);
    }

    private static async Task<string> SnapshotAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT string_agg(x, ',' ORDER BY x) FROM (
              SELECT 'table:' || tablename AS x FROM pg_tables WHERE schemaname = 'public'
              UNION ALL SELECT 'index:' || indexname FROM pg_indexes WHERE schemaname = 'public'
              UNION ALL SELECT 'orleansquery:' || count(*) FROM orleansquery
              UNION ALL SELECT 'query:' || md5(string_agg(querykey || querytext, '' ORDER BY querykey)) FROM orleansquery) s
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}

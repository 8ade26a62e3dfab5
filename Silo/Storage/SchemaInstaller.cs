using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Actors.Silo.Storage;

/// <summary>Applies the embedded schema: one transaction, under an advisory lock, so silos starting together never race.</summary>
public static class SchemaInstaller
{
    /// <summary>Any constant shared by every installer of this schema.</summary>
    private const long LockKey = 0x4163746f7273; // "Actors"

    private static readonly Lazy<string> Script = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Actors.Silo.Storage.Schema.sql")
            ?? throw new InvalidOperationException("The embedded schema is missing from the silo assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Creates or updates every table, index and provider query. Running it again changes nothing.</summary>
    public static async Task ApplyAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        var target = Describe(connectionString);
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
            {
                lockCommand.Parameters.AddWithValue("key", LockKey);
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var command = new NpgsqlCommand(Script.Value, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Schema applied to {Target}", target);
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException($"Could not apply the schema to PostgreSQL at {target}: {ex.Message}", ex);
        }
    }

    /// <summary>Where a connection string points, without its password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }
}

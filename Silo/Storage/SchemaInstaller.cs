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

    /// <summary>How often a silo starting while PostgreSQL is unreachable tries again.</summary>
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Creates or updates every table, index and provider query; running it again changes nothing.
    /// While PostgreSQL cannot be reached (not started yet, an outage) it waits up to
    /// <paramref name="waitFor"/>, trying again and saying so every 10 s, so a silo started during an
    /// outage comes up when the database does; any other fault (a wrong password, no such database),
    /// or the wait running out, stops it with a clear message.
    /// </summary>
    public static async Task ApplyAsync(string connectionString, ILogger logger, CancellationToken cancellationToken, TimeSpan waitFor = default)
    {
        var target = Describe(connectionString);
        var waitingSince = DateTimeOffset.UtcNow;
        var lastSaid = DateTimeOffset.MinValue;
        while (true)
        {
            try
            {
                await ApplyOnceAsync(connectionString, cancellationToken);
                logger.LogInformation("Schema applied to {Target}", target);
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && !cancellationToken.IsCancellationRequested && DateTimeOffset.UtcNow - waitingSince < waitFor)
            {
                if (DateTimeOffset.UtcNow - lastSaid >= TimeSpan.FromSeconds(10))
                {
                    lastSaid = DateTimeOffset.UtcNow;
                    logger.LogWarning("Waiting for PostgreSQL at {Target} ({Reason}) for {Seconds:0} s; the silo starts once it answers", target, ex.GetBaseException().Message, (lastSaid - waitingSince).TotalSeconds);
                }

                await Task.Delay(RetryEvery, cancellationToken);
            }
            catch (NpgsqlException ex)
            {
                throw new InvalidOperationException($"Could not apply the schema to PostgreSQL at {target}: {ex.Message}", ex);
            }
        }
    }

    private static async Task ApplyOnceAsync(string connectionString, CancellationToken cancellationToken)
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
    }

    /// <summary>Where a connection string points, without its password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }
}

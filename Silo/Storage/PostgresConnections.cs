using System.Data.Common;
using Npgsql;

namespace Actors.Silo.Storage;

/// <summary>Connection settings a silo adds to the operator's connection string unless it sets them itself.</summary>
public static class PostgresConnections
{
    /// <summary>
    /// Every statement Orleans and the catalog send is one of a few dozen fixed texts, so prepared
    /// statements save PostgreSQL a parse and plan per call; and nothing sets session state, so a
    /// pooled connection needs no reset round trip each time it is handed out.
    /// </summary>
    public static string Tune(string connectionString)
    {
        // Npgsql's builder knows every keyword, so ask a plain one which keys the operator wrote.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!given.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}

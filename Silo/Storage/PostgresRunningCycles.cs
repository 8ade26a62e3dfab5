using System.Globalization;
using Actors.Grains.Flows;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Actors.Silo.Storage;

/// <summary>The running flow cycles: the cycle grains that hold their <c>cycle</c> reminder in <c>orleansreminderstable</c>.</summary>
public sealed class PostgresRunningCycles(NpgsqlDataSource dataSource, IOptions<ClusterOptions> cluster) : IRunningCycles
{
    private const string Sql = """
        SELECT grainid FROM orleansreminderstable
        WHERE serviceid = @service AND remindername = 'cycle' AND grainid LIKE 'flow-cycle/%'
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<GrainId>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.AddWithValue("service", cluster.Value.ServiceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<GrainId>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(GrainId.Parse(reader.GetString(0), CultureInfo.InvariantCulture));
        }

        return ids;
    }
}

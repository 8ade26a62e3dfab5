using Actors.Silo.Storage;
using Npgsql;

namespace Actors.IntegrationTests.Storage;

public sealed class PostgresConnectionsTests
{
    [Fact]
    public void Adds_prepared_statements_and_no_reset_when_not_given()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnections.Tune("Host=127.0.0.1;Port=5432;Username=postgres;Database=actors"));

        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("actors", tuned.Database);
    }

    [Theory]
    [InlineData("Host=h;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=h;maxautoprepare=0;NoResetOnClose=false")]
    public void Keeps_what_the_operator_set(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnections.Tune(connectionString));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }
}

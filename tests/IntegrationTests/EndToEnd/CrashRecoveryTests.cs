using System.Text.Json.Nodes;
using Actors.IntegrationTests.Support;

namespace Actors.IntegrationTests.EndToEnd;

/// <summary>The whole system as processes: a task created over HTTP survives kill -9 of every process.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CrashRecoveryTests(PostgresServer postgres)
{
    [Fact]
    public async Task ATaskKeepsFiringAfterEveryProcessIsKilledAndRestarted()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var cluster = await ClusterProcesses.StartAsync(database, silos: 1);
        var taskId = await cluster.CreateTaskAsync(new JsonObject
        {
            ["sys_type"] = "mac_intel",
            ["xhs_account_id"] = "crash-account",
            ["xhs_account_name"] = "Crash",
            ["user_query"] = "keep going",
            ["interval"] = 2,
        });
        var roundsBeforeCrash = await Poll.UntilAsync(
            async () => (await cluster.GetTaskAsync(taskId))["round_num"]!.GetValue<long>(),
            rounds => rounds >= 3, TimeSpan.FromSeconds(60), "three rounds before the crash", cluster.Logs);

        await cluster.KillAllAsync();

        // As ops/run does on the same data: the same ports, so the new silo supersedes its dead self at once.
        var restarting = DateTimeOffset.UtcNow;
        cluster.StartSilo(0);
        cluster.StartApi();
        await cluster.WaitHealthyAsync(1);
        var healthyAfter = DateTimeOffset.UtcNow - restarting;
        Assert.True(healthyAfter <= TimeSpan.FromSeconds(20), $"healthy {healthyAfter.TotalSeconds:0.0} s after the silo process started");
        var restarted = cluster;
        var after = await restarted.GetTaskAsync(taskId);
        Assert.Equal("crash-account", after["account_id"]!.GetValue<string>());
        Assert.Equal("keep going", after["kwargs"]!["user_query"]!.GetValue<string>());
        Assert.True(after["round_num"]!.GetValue<long>() >= roundsBeforeCrash, "rounds are never lost");

        await Poll.UntilAsync(
            async () => (await restarted.GetTaskAsync(taskId))["round_num"]!.GetValue<long>(),
            rounds => rounds > after["round_num"]!.GetValue<long>(),
            TimeSpan.FromSeconds(20) - (DateTimeOffset.UtcNow - restarting), "a round within 20 s of the silo process starting", restarted.Logs);
        var resumed = await Poll.UntilAsync(
            async () => (await restarted.GetTaskAsync(taskId))["round_num"]!.GetValue<long>(),
            rounds => rounds >= after["round_num"]!.GetValue<long>() + 3,
            TimeSpan.FromSeconds(60), "three more rounds after the restart", restarted.Logs);
        Assert.True(resumed > roundsBeforeCrash);

        // The catalog is derived: wiped, it is rebuilt from grain state, ghosts included.
        await using (var connection = new Npgsql.NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var wipe = new Npgsql.NpgsqlCommand(
                $"DELETE FROM actors_task_catalog; INSERT INTO actors_task_catalog (task_id, account_id, status, created_at, version, info, written_at) VALUES ('{Guid.NewGuid()}', 'ghost', 'pending', now(), 1, '{{}}', now() - interval '1 hour')",
                connection);
            await wipe.ExecuteNonQueryAsync();
        }

        await using var rebuild = ServiceProcess.Start("rebuild", RepoPaths.SiloDll, new Dictionary<string, string>
        {
            ["Actors__Postgres"] = database,
            ["Logging__LogLevel__Default"] = "Information",
        }, "--rebuild-catalog");
        Assert.Equal(0, await rebuild.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("catalog rebuilt: 1 tasks, 1 stale rows removed", rebuild.Tail, StringComparison.Ordinal);
        var listed = (await restarted.Http.GetStringAsync(new Uri("/api/v1/tasks/", UriKind.Relative)));
        Assert.Contains(taskId, listed, StringComparison.Ordinal);
        Assert.DoesNotContain("ghost", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadConfigurationStopsTheSiloWithOneMessageNamingEveryProblem()
    {
        await using var silo = ServiceProcess.Start("bad-silo", RepoPaths.SiloDll, new Dictionary<string, string>
        {
            ["Actors__Postgres"] = "",
            ["Actors__Silo__SiloPort"] = "70000",
        });

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Actors:Postgres is empty", silo.Tail, StringComparison.Ordinal);
        Assert.Contains("Actors:Silo:SiloPort must be a TCP port between 1 and 65535; got 70000", silo.Tail, StringComparison.Ordinal);
        Assert.Single(silo.Tail.Split('\n'), line => line.Contains("invalid configuration", StringComparison.Ordinal));
    }
}

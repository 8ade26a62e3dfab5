using System.Diagnostics;
using Npgsql;

namespace Actors.IntegrationTests.Support;

/// <summary>
/// A throwaway PostgreSQL 15 on a free loopback port, in a fresh temporary directory, removed on
/// dispose. As root, the server runs as the <c>postgres</c> user (PostgreSQL refuses root).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private static readonly string Bin = Environment.GetEnvironmentVariable("ACTORS_PG_BIN") ?? "/usr/lib/postgresql/15/bin";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "actors-pg-" + Guid.NewGuid().ToString("N")[..8]);
    private int _databases;

    /// <summary>
    /// Commit waits for the WAL to reach the operating system (<c>synchronous_commit=on</c>), so an
    /// immediate shutdown loses no acknowledged write; off by default for speed.
    /// </summary>
    public bool DurableCommits { get; init; }

    /// <summary>The port.</summary>
    public int Port { get; private set; }

    /// <summary>Connection string of the default test database.</summary>
    public string ConnectionString { get; private set; } = "";

    private string DataDir => Path.Combine(_root, "data");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(Bin, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 server binaries are missing in {Bin}: install them with 'apt-get install postgresql-15'.");
        }

        Directory.CreateDirectory(DataDir);
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _root]);
            await RunAsync("chmod", ["755", _root]);
        }

        await RunPgAsync("initdb", ["-D", DataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        Port = FreePort.Next();
        await StartAsync();
        ConnectionString = await CreateDatabaseAsync();
    }

    /// <summary>Starts the server (again, on the same port and data, after <see cref="StopImmediatelyAsync"/>).</summary>
    public Task StartAsync() => RunPgAsync("pg_ctl", ["-D", DataDir, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "-o",
        $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit={(DurableCommits ? "on" : "off")} -c full_page_writes=off -c max_connections=300", "start"]);

    /// <summary>An outage: immediate shutdown, every connection cut.</summary>
    public Task StopImmediatelyAsync() => RunPgAsync("pg_ctl", ["-D", DataDir, "-m", "immediate", "-w", "stop"]);

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"actors_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(Connection("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return Connection(name);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        try
        {
            await RunPgAsync("pg_ctl", ["-D", DataDir, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(_root, recursive: true);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private string Connection(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=50;Include Error Detail=true";

    private static Task RunPgAsync(string tool, string[] arguments) => IsRoot
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(Bin, tool), .. arguments])
        : RunAsync(Path.Combine(Bin, tool), arguments);

    private static async Task RunAsync(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}

/// <summary>Test classes in this collection share one PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    /// <summary>The collection name.</summary>
    public const string Name = "postgres";
}

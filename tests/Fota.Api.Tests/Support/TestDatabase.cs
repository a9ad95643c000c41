using System.Data.Common;
using Fota.Api.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Fota.Api.Tests.Support;

/// <summary>
/// A fresh, empty database of one kind for one test (or one set of service instances): a temp SQLite file, or a new
/// database on the shared <see cref="PostgresServer"/>. Removed when disposed. <see cref="ExecuteAsync"/> and
/// <see cref="ScalarAsync"/> reach under the service for tests that inspect or break the database.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly bool _owned;
    private readonly string? _postgresName;
    private readonly PostgresServer? _postgresServer;

    private TestDatabase(DatabaseKind kind, string connectionString, bool owned, string? sqlitePath, string? postgresName = null, PostgresServer? postgresServer = null)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _owned = owned;
        SqlitePath = sqlitePath;
        _postgresName = postgresName;
        _postgresServer = postgresServer;
    }

    /// <summary>The kind the API tests run on: SQLite, or PostgreSQL with <c>FOTA_TEST_DATABASE=postgres</c>.</summary>
    public static DatabaseKind DefaultKind =>
        string.Equals(Environment.GetEnvironmentVariable("FOTA_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseKind.Postgres
            : DatabaseKind.Sqlite;

    public DatabaseKind Kind { get; }

    /// <summary>The service's <c>ConnectionStrings:Fota</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>The file of a SQLite database.</summary>
    public string? SqlitePath { get; }

    /// <summary>A new database; a PostgreSQL one skips the test (naming the package) when the server binaries are missing.</summary>
    public static TestDatabase Create(DatabaseKind kind)
    {
        return kind == DatabaseKind.Postgres
            ? Postgres(PostgresServer.Shared)
            : Sqlite(Path.Combine(Path.GetTempPath(), $"fota-api-tests-{Guid.NewGuid():N}.db"), owned: true);
    }

    /// <summary>A new database on a given PostgreSQL server.</summary>
    public static TestDatabase Postgres(PostgresServer server)
    {
        var name = $"fota_test_{Guid.NewGuid():N}";
        return new TestDatabase(DatabaseKind.Postgres, server.CreateDatabase(name), owned: true, sqlitePath: null, name, server);
    }

    /// <summary>A SQLite file at a given path (kept when disposed unless <paramref name="owned"/>).</summary>
    public static TestDatabase Sqlite(string path, bool owned = false) =>
        new(DatabaseKind.Sqlite, $"Data Source={path}", owned, path);

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        if (!_owned)
        {
            return;
        }

        if (_postgresServer is not null)
        {
            _postgresServer.DropDatabase(_postgresName!);
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { SqlitePath!, SqlitePath + "-wal", SqlitePath + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Best effort: a temp file left behind harms nothing.
            }
        }
    }

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = Kind == DatabaseKind.Postgres
            ? new NpgsqlConnection($"{ConnectionString};Pooling=False")
            : new SqliteConnection($"{ConnectionString};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}

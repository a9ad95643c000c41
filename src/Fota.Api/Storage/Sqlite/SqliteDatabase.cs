using Microsoft.Data.Sqlite;

namespace Fota.Api.Storage.Sqlite;

/// <summary>
/// Opens connections to the service's SQLite database, set up so several instances can share one file.
/// An in-memory database (<c>Data Source=:memory:</c> or <c>Mode=Memory</c>) is shared by all connections of this
/// process and lives as long as this object.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _keepAliveGate = new(1, 1);
    private readonly bool _inMemory;
    private SqliteConnection? _keepAlive;

    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Pooling = true,
            // Command timeout in seconds; Microsoft.Data.Sqlite retries a busy database until it runs out.
            DefaultTimeout = 30,
        };
        if (builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            // Every connection must see the same database: a named, shared-cache memory database kept open by one connection.
            _inMemory = true;
            builder.DataSource = builder.DataSource == ":memory:" ? $"fota-{Guid.NewGuid():N}" : builder.DataSource;
            builder.Mode = SqliteOpenMode.Memory;
            builder.Cache = SqliteCacheMode.Shared;
        }

        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    /// <summary>The file (or in-memory name) the connection string points at.</summary>
    public string DataSource { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_inMemory && _keepAlive is null)
        {
            await KeepAliveAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            // busy_timeout makes writers wait for each other instead of failing with SQLITE_BUSY.
            // synchronous = NORMAL is the usual WAL setting: commits survive a crash of the process, and fsync happens at checkpoints.
            pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }

        _keepAliveGate.Dispose();
    }

    private async Task KeepAliveAsync(CancellationToken cancellationToken)
    {
        await _keepAliveGate.WaitAsync(cancellationToken);
        try
        {
            if (_keepAlive is null)
            {
                var connection = new SqliteConnection(_connectionString);
                await connection.OpenAsync(cancellationToken);
                _keepAlive = connection;
            }
        }
        finally
        {
            _keepAliveGate.Release();
        }
    }
}

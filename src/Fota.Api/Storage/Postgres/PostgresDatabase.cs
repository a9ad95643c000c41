using Npgsql;

namespace Fota.Api.Storage.Postgres;

/// <summary>Opens pooled connections to the service's PostgreSQL database (one <see cref="NpgsqlDataSource"/> per instance).</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        ConnectionString = builder.ConnectionString;
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Max Auto Prepare"))
        {
            // The service runs a handful of statements all the time: prepared once per connection, they skip parsing and planning.
            builder.MaxAutoPrepare = 32;
        }

        if (!given.ContainsKey("No Reset On Close"))
        {
            // The service never changes session state, so a pooled connection needs no DISCARD ALL before its next use.
            builder.NoResetOnClose = true;
        }

        DataSource = $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>The connection string as given (for the change listener's own connection).</summary>
    public string ConnectionString { get; }

    /// <summary>Host, port and database, for log lines (never the password).</summary>
    public string DataSource { get; }

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}

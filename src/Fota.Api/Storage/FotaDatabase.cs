using System.Data.Common;

namespace Fota.Api.Storage;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database <c>ConnectionStrings:Fota</c> names: <c>Host=…</c> (or <c>Server=…</c>) is PostgreSQL, <c>Data Source=…</c>
/// (or <c>Filename=…</c>) is SQLite. Anything else stops the service at start with a message naming the key.
/// </summary>
public sealed record FotaDatabase(DatabaseKind Kind, string ConnectionString)
{
    public static FotaDatabase Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return new FotaDatabase(DatabaseKind.Sqlite, StorageServiceCollectionExtensions.DefaultConnectionString);
        }

        var keys = new DbConnectionStringBuilder();
        try
        {
            keys.ConnectionString = connectionString;
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException($"ConnectionStrings:Fota is not a connection string: {exception.Message}", exception);
        }

        if (keys.ContainsKey("Host") || keys.ContainsKey("Server"))
        {
            return new FotaDatabase(DatabaseKind.Postgres, connectionString);
        }

        if (keys.ContainsKey("Data Source") || keys.ContainsKey("DataSource") || keys.ContainsKey("Filename"))
        {
            return new FotaDatabase(DatabaseKind.Sqlite, connectionString);
        }

        throw new InvalidOperationException(
            "ConnectionStrings:Fota names no database: use \"Data Source=<file>\" for SQLite or \"Host=<host>;Database=<name>;…\" for PostgreSQL.");
    }
}

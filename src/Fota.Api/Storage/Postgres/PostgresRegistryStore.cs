using Npgsql;

namespace Fota.Api.Storage.Postgres;

/// <summary><see cref="IRegistryStore"/> on PostgreSQL.</summary>
public sealed class PostgresRegistryStore(PostgresDatabase database) : IRegistryStore
{
    public Task<StoredDevice?> FindDeviceAsync(string deviceId, CancellationToken cancellationToken) =>
        FindDeviceWhereAsync("device_id = @value", deviceId, cancellationToken);

    // lower(fingerprint) is the unique index, as SQLite's COLLATE NOCASE column.
    public Task<StoredDevice?> FindDeviceByFingerprintAsync(string fingerprint, CancellationToken cancellationToken) =>
        FindDeviceWhereAsync("lower(fingerprint) = lower(@value)", fingerprint, cancellationToken);

    /// <summary>The device matching <paramref name="condition"/> (a condition on a unique column written by this class, never by a caller).</summary>
    private async Task<StoredDevice?> FindDeviceWhereAsync(string condition, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.DeviceColumns} FROM devices WHERE {condition};";
        command.Parameters.AddWithValue("value", value);
        return (await StoredRows.ReadAllAsync(command, StoredRows.Device, cancellationToken)).SingleOrDefault();
    }

    public async Task<AddDeviceOutcome> AddDeviceAsync(StoredDevice device, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The unique constraints decide (no conflict target: either the id or the fingerprint); checking first would race.
        command.CommandText = """
            INSERT INTO devices (device_id, fingerprint, model, account, created_at)
            VALUES (@deviceId, @fingerprint, @model, @account, @createdAt)
            ON CONFLICT DO NOTHING;
            """;
        command.Parameters.AddWithValue("deviceId", device.DeviceId);
        command.Parameters.AddWithValue("fingerprint", device.Fingerprint);
        command.Parameters.AddWithValue("model", device.Model);
        command.Parameters.AddWithValue("account", device.Account);
        command.Parameters.AddWithValue("createdAt", Timestamps.Format(now));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return AddDeviceOutcome.Added;
        }

        await using var which = connection.CreateCommand();
        which.CommandText = "SELECT EXISTS (SELECT 1 FROM devices WHERE device_id = @deviceId);";
        which.Parameters.AddWithValue("deviceId", device.DeviceId);
        var idTaken = (bool)(await which.ExecuteScalarAsync(cancellationToken) ?? false);
        return idTaken ? AddDeviceOutcome.DuplicateDeviceId : AddDeviceOutcome.DuplicateFingerprint;
    }

    public async Task<StoredAccount?> FindAccountAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, api_endpoint, api_key FROM accounts WHERE name = @name;";
        command.Parameters.AddWithValue("name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredAccount(reader.GetString(0), reader.GetString(1), reader.GetString(2))
            : null;
    }

    public async Task<bool> UpsertAccountAsync(StoredAccount account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // xmax is 0 only in a row this statement inserted: one statement tells created from updated, without a race.
        command.CommandText = """
            INSERT INTO accounts (name, api_endpoint, api_key, updated_at) VALUES (@name, @endpoint, @key, @now)
            ON CONFLICT (name) DO UPDATE SET api_endpoint = excluded.api_endpoint, api_key = excluded.api_key,
                                             updated_at = excluded.updated_at
            RETURNING xmax = 0;
            """;
        command.Parameters.AddWithValue("name", account.Name);
        command.Parameters.AddWithValue("endpoint", account.ApiEndpoint);
        command.Parameters.AddWithValue("key", account.ApiKey);
        command.Parameters.AddWithValue("now", Timestamps.Format(now));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken) ?? false);
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version;";
        _ = await command.ExecuteScalarAsync(cancellationToken) ?? throw new NpgsqlException("schema_version is empty");
    }
}

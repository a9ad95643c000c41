using Microsoft.Data.Sqlite;

namespace Fota.Api.Storage.Sqlite;

/// <summary>Queries on the <c>devices</c> and <c>accounts</c> tables.</summary>
public sealed class SqliteRegistryStore(SqliteDatabase database) : IRegistryStore
{
    public Task<StoredDevice?> FindDeviceAsync(string deviceId, CancellationToken cancellationToken) =>
        FindDeviceWhereAsync("device_id", deviceId, cancellationToken);

    /// <summary>The device with this fingerprint (compared case-insensitively), if any.</summary>
    public Task<StoredDevice?> FindDeviceByFingerprintAsync(string fingerprint, CancellationToken cancellationToken) =>
        FindDeviceWhereAsync("fingerprint", fingerprint, cancellationToken);

    /// <summary>The device whose <paramref name="column"/> (a unique column named by this class, never by a caller) equals <paramref name="value"/>.</summary>
    private async Task<StoredDevice?> FindDeviceWhereAsync(string column, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.DeviceColumns} FROM devices WHERE {column} = $value;";
        command.Parameters.AddWithValue("$value", value);
        return (await StoredRows.ReadAllAsync(command, StoredRows.Device, cancellationToken)).SingleOrDefault();
    }

    public async Task<AddDeviceOutcome> AddDeviceAsync(StoredDevice device, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The UNIQUE constraints decide; checking first would race with another instance.
        command.CommandText = """
            INSERT INTO devices (device_id, fingerprint, model, account, created_at)
            VALUES ($deviceId, $fingerprint, $model, $account, $createdAt)
            ON CONFLICT DO NOTHING;
            """;
        command.Parameters.AddWithValue("$deviceId", device.DeviceId);
        command.Parameters.AddWithValue("$fingerprint", device.Fingerprint);
        command.Parameters.AddWithValue("$model", device.Model);
        command.Parameters.AddWithValue("$account", device.Account);
        command.Parameters.AddWithValue("$createdAt", Timestamps.Format(now));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return AddDeviceOutcome.Added;
        }

        await using var which = connection.CreateCommand();
        which.CommandText = "SELECT COUNT(*) FROM devices WHERE device_id = $deviceId;";
        which.Parameters.AddWithValue("$deviceId", device.DeviceId);
        var idTaken = (long)(await which.ExecuteScalarAsync(cancellationToken) ?? 0L) > 0;
        return idTaken ? AddDeviceOutcome.DuplicateDeviceId : AddDeviceOutcome.DuplicateFingerprint;
    }

    public async Task<StoredAccount?> FindAccountAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, api_endpoint, api_key FROM accounts WHERE name = $name;";
        command.Parameters.AddWithValue("$name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredAccount(reader.GetString(0), reader.GetString(1), reader.GetString(2))
            : null;
    }

    /// <summary>Creates or replaces an account; true when it was created.</summary>
    public async Task<bool> UpsertAccountAsync(StoredAccount account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT COUNT(*) FROM accounts WHERE name = $name;";
        exists.Parameters.AddWithValue("$name", account.Name);
        var existed = (long)(await exists.ExecuteScalarAsync(cancellationToken) ?? 0L) > 0;

        await using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO accounts (name, api_endpoint, api_key, updated_at) VALUES ($name, $endpoint, $key, $now)
            ON CONFLICT (name) DO UPDATE SET api_endpoint = excluded.api_endpoint, api_key = excluded.api_key,
                                             updated_at = excluded.updated_at;
            """;
        upsert.Parameters.AddWithValue("$name", account.Name);
        upsert.Parameters.AddWithValue("$endpoint", account.ApiEndpoint);
        upsert.Parameters.AddWithValue("$key", account.ApiKey);
        upsert.Parameters.AddWithValue("$now", Timestamps.Format(now));
        await upsert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return !existed;
    }

    /// <summary>A cheap query that proves the database answers (readiness).</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version;";
        _ = await command.ExecuteScalarAsync(cancellationToken) ?? throw new SqliteException("schema_version is empty", 1);
    }
}

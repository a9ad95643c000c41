namespace Fota.Api.Storage;

/// <summary>The <c>devices</c> and <c>accounts</c> tables, on the database <paramref name="dialect"/> speaks to.</summary>
public sealed class RegistryStore(SqlDialect dialect) : IRegistryStore
{
    public Task<StoredDevice?> FindDeviceAsync(string deviceId, CancellationToken cancellationToken) =>
        FindDeviceWhereAsync("device_id = @value", deviceId, cancellationToken);

    public Task<StoredDevice?> FindDeviceByFingerprintAsync(string fingerprint, CancellationToken cancellationToken) =>
        FindDeviceWhereAsync(dialect.FingerprintEquals, fingerprint, cancellationToken);

    /// <summary>The device matching <paramref name="condition"/> (a condition on a unique column written here, never by a caller).</summary>
    private async Task<StoredDevice?> FindDeviceWhereAsync(string condition, string value, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {StoredRows.DeviceColumns} FROM devices WHERE {condition};").With("value", value);
        return (await StoredRows.ReadAllAsync(command, StoredRows.Device, cancellationToken)).SingleOrDefault();
    }

    public async Task<AddDeviceOutcome> AddDeviceAsync(StoredDevice device, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        // The unique constraints decide (no conflict target: either the id or the fingerprint); checking first would race.
        await using var command = connection.Command("""
                INSERT INTO devices (device_id, fingerprint, model, account, created_at)
                VALUES (@deviceId, @fingerprint, @model, @account, @createdAt)
                ON CONFLICT DO NOTHING;
                """)
            .With("deviceId", device.DeviceId)
            .With("fingerprint", device.Fingerprint)
            .With("model", device.Model)
            .With("account", device.Account)
            .With("createdAt", Timestamps.Format(now));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return AddDeviceOutcome.Added;
        }

        await using var which = connection.Command("SELECT COUNT(*) FROM devices WHERE device_id = @deviceId;").With("deviceId", device.DeviceId);
        return await which.ScalarInt64Async(cancellationToken) > 0 ? AddDeviceOutcome.DuplicateDeviceId : AddDeviceOutcome.DuplicateFingerprint;
    }

    public async Task<StoredAccount?> FindAccountAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT name, api_endpoint, api_key FROM accounts WHERE name = @name;").With("name", name);
        var accounts = await StoredRows.ReadAllAsync(command, row => new StoredAccount(row.GetString(0), row.GetString(1), row.GetString(2)), cancellationToken);
        return accounts.SingleOrDefault();
    }

    public async Task<bool> UpsertAccountAsync(StoredAccount account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var existed = false;
        if (dialect.InsertedByUpsert is null)
        {
            await using var exists = connection.Command("SELECT COUNT(*) FROM accounts WHERE name = @name;", transaction).With("name", account.Name);
            existed = await exists.ScalarInt64Async(cancellationToken) > 0;
        }

        await using var upsert = connection.Command($"""
                INSERT INTO accounts (name, api_endpoint, api_key, updated_at) VALUES (@name, @endpoint, @key, @now)
                ON CONFLICT (name) DO UPDATE SET api_endpoint = excluded.api_endpoint, api_key = excluded.api_key,
                                                 updated_at = excluded.updated_at
                {(dialect.InsertedByUpsert is { } inserted ? $"RETURNING {inserted}" : "")};
                """, transaction)
            .With("name", account.Name)
            .With("endpoint", account.ApiEndpoint)
            .With("key", account.ApiKey)
            .With("now", Timestamps.Format(now));
        var created = dialect.InsertedByUpsert is null
            ? await upsert.ExecuteNonQueryAsync(cancellationToken) >= 0 && !existed
            : Convert.ToBoolean(await upsert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    /// <summary>A cheap query that proves the database answers and is migrated (readiness).</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT version FROM schema_version;");
        _ = await command.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException("schema_version is empty");
    }
}

namespace Fota.Api.Storage;

/// <summary>The <c>devices</c> and <c>accounts</c> tables, and the readiness check of the database.</summary>
public interface IRegistryStore
{
    Task<StoredDevice?> FindDeviceAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>The device with this fingerprint (compared case-insensitively), if any.</summary>
    Task<StoredDevice?> FindDeviceByFingerprintAsync(string fingerprint, CancellationToken cancellationToken);

    /// <summary>Adds a device; the database's unique constraints decide about duplicates (id, or fingerprint ignoring case).</summary>
    Task<AddDeviceOutcome> AddDeviceAsync(StoredDevice device, DateTimeOffset now, CancellationToken cancellationToken);

    Task<StoredAccount?> FindAccountAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates or replaces an account; true when it was created.</summary>
    Task<bool> UpsertAccountAsync(StoredAccount account, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A cheap query that proves the database answers and is migrated (readiness).</summary>
    Task PingAsync(CancellationToken cancellationToken);
}

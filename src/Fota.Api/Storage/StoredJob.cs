namespace Fota.Api.Storage;

/// <summary>A FOTA job as the database keeps it.</summary>
public sealed record StoredJob(
    string JobId,
    string DeviceId,
    string Account,
    string BundleId,
    string Status,
    string? StatusDetail,
    string Version,
    string LastUpdatedAt,
    DateTimeOffset CreatedAt);

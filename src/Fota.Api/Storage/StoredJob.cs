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

/// <summary>A job this instance has claimed for one status poll, until <see cref="ClaimedUntil"/>.</summary>
public sealed record ClaimedJob(
    string JobId,
    string Account,
    string Status,
    string? StatusDetail,
    string Version,
    DateTimeOffset CreatedAt,
    int UnchangedPolls,
    DateTimeOffset ClaimedUntil);

/// <summary>What a status poll learned, written back while the claim is still ours.</summary>
public sealed record JobStatusUpdate(
    string Status,
    string? StatusDetail,
    string Version,
    string LastUpdatedAt,
    bool IsFinal,
    DateTimeOffset NextPollAt,
    int UnchangedPolls);

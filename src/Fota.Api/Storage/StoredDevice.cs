namespace Fota.Api.Storage;

/// <summary>A registered device: its id, the fingerprint that proves ownership, and the nRF Cloud account it lives in.</summary>
public sealed record StoredDevice(string DeviceId, string Fingerprint, string Model, string Account);

/// <summary>An nRF Cloud account kept in the database.</summary>
public sealed record StoredAccount(string Name, string ApiEndpoint, string ApiKey);

public enum AddDeviceOutcome
{
    Added,
    DuplicateDeviceId,
    DuplicateFingerprint,
}

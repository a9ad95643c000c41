using Fota.Api.Storage;

namespace Fota.Api.Devices;

public enum DeviceAccessOutcome
{
    Granted,
    UnknownDevice,
    FingerprintMismatch,
}

/// <summary>The fingerprint check: a caller may act on a device only by presenting its fingerprint.</summary>
public sealed class DeviceAccess(IRegistryStore store)
{
    public async Task<(DeviceAccessOutcome Outcome, StoredDevice? Device)> CheckAsync(
        string deviceId, string fingerprint, CancellationToken cancellationToken)
    {
        var device = await store.FindDeviceAsync(deviceId, cancellationToken);
        var outcome = Decide(device, fingerprint);
        return (outcome, outcome == DeviceAccessOutcome.Granted ? device : null);
    }

    /// <summary>The check on a device already read (null: not registered).</summary>
    public static DeviceAccessOutcome Decide(StoredDevice? device, string fingerprint) =>
        device is null ? DeviceAccessOutcome.UnknownDevice
        : Fingerprints.AreEqual(device.Fingerprint, fingerprint) ? DeviceAccessOutcome.Granted
        : DeviceAccessOutcome.FingerprintMismatch;
}

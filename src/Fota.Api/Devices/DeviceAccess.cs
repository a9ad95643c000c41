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
        if (device is null)
        {
            return (DeviceAccessOutcome.UnknownDevice, null);
        }

        return Fingerprints.AreEqual(device.Fingerprint, fingerprint)
            ? (DeviceAccessOutcome.Granted, device)
            : (DeviceAccessOutcome.FingerprintMismatch, null);
    }
}

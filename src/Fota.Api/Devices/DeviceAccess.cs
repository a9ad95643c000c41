using Fota.Api.Jobs;
using Fota.Api.Storage;

namespace Fota.Api.Devices;

/// <summary>How a request names its device: by id (the <c>/device/{deviceId}</c> routes) or by its fingerprint alone (the WebSocket).</summary>
public abstract record DeviceLookup
{
    private DeviceLookup()
    {
    }

    public static DeviceLookup ByFingerprint { get; } = new Fingerprint();

    public sealed record Id(string DeviceId) : DeviceLookup;

    public sealed record Fingerprint : DeviceLookup;
}

/// <summary>
/// The device check, the one access function of every device request: a caller may act on a device only by presenting its
/// fingerprint. In the order 400 (the fingerprint, then the request's other fields, every failing one named) → 404 (no
/// device with the id) → 403 (the fingerprint is another's; by fingerprint: no device has it).
/// </summary>
public sealed class DeviceAccess(IRegistryStore registry)
{
    /// <summary>
    /// The device <paramref name="lookup"/> names, when <paramref name="fingerprint"/> is its; <paramref name="validateRest"/>
    /// adds the errors of the request's other fields (its body), reported together with the fingerprint's.
    /// </summary>
    public async Task<FotaResult<StoredDevice>> CheckAsync(
        DeviceLookup lookup, string? fingerprint, Action<List<string>>? validateRest, CancellationToken cancellationToken)
    {
        List<string> errors = Fingerprints.IsValid(fingerprint)
            ? []
            : [$"fingerprint: {(string.IsNullOrEmpty(fingerprint) ? "is required (query parameter)" : "is invalid")}, must match {Fingerprints.Pattern} (case-insensitive)"];
        validateRest?.Invoke(errors);
        if (errors.Count > 0 || fingerprint is null)
        {
            return new FotaError.Invalid(errors);
        }

        if (lookup is DeviceLookup.Id byId)
        {
            var device = await registry.FindDeviceAsync(byId.DeviceId, cancellationToken);
            return device is null ? new FotaError.UnknownDevice(byId.DeviceId)
                : Fingerprints.AreEqual(device.Fingerprint, fingerprint) ? device
                : new FotaError.WrongFingerprint(byId.DeviceId);
        }

        return await registry.FindDeviceByFingerprintAsync(fingerprint, cancellationToken) is { } owner
            ? owner
            : new FotaError.UnknownFingerprint();
    }
}

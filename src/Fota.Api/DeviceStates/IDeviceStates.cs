using Fota.Api.Storage;

namespace Fota.Api.DeviceStates;

/// <summary>
/// Device state (SPEC §3.5), the seam between its owner (reading nRF Cloud, storing, change events, the background
/// reads) and the upgrade-path flow (SPEC §3.6), which only asks and watches.
/// </summary>
public interface IDeviceStates
{
    /// <summary>Reads the device's state from nRF Cloud now (one call for this device), stores it and returns it.</summary>
    Task<DeviceStateRead> ReadNowAsync(StoredDevice device, CancellationToken cancellationToken);

    /// <summary>The last state read and stored for the device; null when none was ever read.</summary>
    Task<DeviceState?> GetStoredAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>
    /// Asks for background reads of the device's state until <paramref name="until"/> (durable, seen by every instance):
    /// the flow calls it while a job waits for the device to report. <paramref name="watcher"/> names the asker (a job
    /// id); calling it again for the same watcher moves the deadline.
    /// </summary>
    Task WatchAsync(string deviceId, string watcher, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Ends the background reads <paramref name="watcher"/> asked for (no-op when none).</summary>
    Task UnwatchAsync(string deviceId, string watcher, CancellationToken cancellationToken);
}

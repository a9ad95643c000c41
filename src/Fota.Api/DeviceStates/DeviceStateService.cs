using Fota.Api.Devices;
using Fota.Api.NrfCloud;
using Fota.Api.Storage;

namespace Fota.Api.DeviceStates;

/// <summary>
/// <see cref="IDeviceStates"/>: reads nRF Cloud's device list call (§3.5), stores what changed with its change event
/// (<see cref="IDeviceStateStore"/>), and records watches that the background reads (<see cref="DeviceStateReader"/>) follow.
/// </summary>
public sealed partial class DeviceStateService(
    AccountRegistry accounts,
    NrfCloudClient nrfCloud,
    IDeviceStateStore store,
    DeviceStateSignal signal,
    TimeProvider timeProvider,
    ILogger<DeviceStateService> logger) : IDeviceStates
{
    public async Task<DeviceStateRead> ReadNowAsync(StoredDevice device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        var account = await accounts.FindAsync(device.Account, cancellationToken);
        if (account is null)
        {
            return new DeviceStateRead.Unavailable($"The nRF Cloud account '{device.Account}' of device {device.DeviceId} is not configured");
        }

        var result = await nrfCloud.ListDeviceStatesAsync(account, [device.DeviceId], cancellationToken);
        if (!result.IsSuccess)
        {
            return new DeviceStateRead.Unavailable(result.Error.Detail);
        }

        var found = result.Value.FirstOrDefault(item => item.Id == device.DeviceId);
        if (found is null)
        {
            return new DeviceStateRead.UnknownDevice();
        }

        await store.SaveAsync([ToWrite(account.Name, found, timeProvider.GetUtcNow())], cancellationToken);
        return new DeviceStateRead.Found(DeviceStateParser.Parse(device.DeviceId, found.ReportedJson));
    }

    public async Task<DeviceState?> GetStoredAsync(string deviceId, CancellationToken cancellationToken) =>
        await store.FindAsync(deviceId, cancellationToken) is { } stored ? DeviceStateParser.Parse(deviceId, stored.ReportedJson) : null;

    public async Task WatchAsync(string deviceId, string watcher, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await store.WatchAsync([deviceId], watcher, timeProvider.GetUtcNow(), until, cancellationToken);
        signal.Notify(); // a newly watched device is read at once, not at the next round
        LogWatched(deviceId, watcher, until);
    }

    public Task UnwatchAsync(string deviceId, string watcher, CancellationToken cancellationToken) =>
        store.UnwatchAsync(deviceId, watcher, cancellationToken);

    /// <summary>What the store keeps of one device of nRF Cloud's answer: its reported state and the state message made of it.</summary>
    public static DeviceStateWrite ToWrite(string account, NrfCloudDeviceState found, DateTimeOffset readAt)
    {
        ArgumentNullException.ThrowIfNull(found);
        return new DeviceStateWrite(
            found.Id, account, found.ReportedJson, DeviceStateParser.ToShadowMessage(found.ReportedJson, found.MetadataReportedJson).Serialize(), readAt);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Device {DeviceId} watched by {Watcher} until {Until}")]
    private partial void LogWatched(string deviceId, string watcher, DateTimeOffset until);
}

/// <summary>Wakes the background reads at once (a device was just watched). Many signals before a wake-up count as one.</summary>
public sealed class DeviceStateSignal : WakeSignal;

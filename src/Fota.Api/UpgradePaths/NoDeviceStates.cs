using Fota.Api.DeviceStates;
using Fota.Api.Storage;

namespace Fota.Api.UpgradePaths;

/// <summary>
/// Stand-in registered only while no real <see cref="IDeviceStates"/> is (the device-state part lands separately): every
/// read is unavailable, so /v2 schedules answer 500 naming nRF Cloud. Removed once the real one is registered in main.
/// </summary>
internal sealed class NoDeviceStates : IDeviceStates
{
    public Task<DeviceStateRead> ReadNowAsync(StoredDevice device, CancellationToken cancellationToken) =>
        Task.FromResult<DeviceStateRead>(new DeviceStateRead.Unavailable("nRF Cloud's device state is not read by this build"));

    public Task<DeviceState?> GetStoredAsync(string deviceId, CancellationToken cancellationToken) => Task.FromResult<DeviceState?>(null);

    public Task WatchAsync(string deviceId, string watcher, DateTimeOffset until, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task UnwatchAsync(string deviceId, string watcher, CancellationToken cancellationToken) => Task.CompletedTask;
}

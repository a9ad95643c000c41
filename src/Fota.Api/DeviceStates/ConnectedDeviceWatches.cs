using Fota.Api.Storage;
using Microsoft.Extensions.Options;

namespace Fota.Api.DeviceStates;

/// <summary>
/// The watches of this instance's open WebSockets: a device with at least one open connection here is watched under this
/// instance's name with a lease (<see cref="DeviceStateOptions.WebSocketWatchLease"/>) that <see cref="RenewDueAsync"/>
/// renews while it stays connected, so the watch of an instance that died ends by itself.
/// </summary>
public sealed partial class ConnectedDeviceWatches(
    IDeviceStateStore store,
    DeviceStateSignal signal,
    TimeProvider timeProvider,
    IOptions<DeviceStateOptions> options,
    ILogger<ConnectedDeviceWatches> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private DateTimeOffset _renewAt = DateTimeOffset.MinValue;

    /// <summary>This instance's name as a watcher.</summary>
    public string Watcher { get; } = "websocket:" + ClaimOwner.NewName();

    /// <summary>A connection of <paramref name="deviceId"/> opened: its device is watched, and read at once when due.</summary>
    public async Task ConnectedAsync(string deviceId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _open[deviceId] = _open.GetValueOrDefault(deviceId) + 1;
        }

        var now = timeProvider.GetUtcNow();
        await store.WatchAsync([deviceId], Watcher, now, now + options.Value.WebSocketWatchLease, cancellationToken);
        signal.Notify();
    }

    /// <summary>A connection closed: the last one of its device here ends this instance's watch (a failure leaves it to the lease).</summary>
    public async Task DisconnectedAsync(string deviceId)
    {
        lock (_lock)
        {
            var left = _open.GetValueOrDefault(deviceId) - 1;
            if (left > 0)
            {
                _open[deviceId] = left;
                return;
            }

            _open.Remove(deviceId);
        }

        try
        {
            await store.UnwatchAsync(deviceId, Watcher, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogUnwatchFailed(exception, deviceId);
        }
    }

    /// <summary>Renews the watches of the connected devices when a third of the lease has passed since the last renewal.</summary>
    public async Task RenewDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        string[] devices;
        lock (_lock)
        {
            if (now < _renewAt)
            {
                return;
            }

            devices = [.. _open.Keys];
        }

        var lease = options.Value.WebSocketWatchLease;
        if (devices.Length > 0)
        {
            await store.WatchAsync(devices, Watcher, now, now + lease, cancellationToken);
        }

        _renewAt = now + lease / 3;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ending the WebSocket watch of device {DeviceId} failed; it ends with its lease")]
    private partial void LogUnwatchFailed(Exception exception, string deviceId);
}

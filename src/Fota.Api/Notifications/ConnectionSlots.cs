using Microsoft.Extensions.Options;

namespace Fota.Api.Notifications;

/// <summary>
/// At most <see cref="NotificationOptions.MaxConnectionsPerDevice"/> WebSockets per device on this instance: a slot is
/// taken before the upgrade and given back when the connection ends.
/// </summary>
public sealed class ConnectionSlots(IOptions<NotificationOptions> options)
{
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public int Limit => options.Value.MaxConnectionsPerDevice;

    /// <summary>A slot for one more connection of the device (dispose it when the connection ends), or null when all are taken.</summary>
    public IDisposable? TryTake(string deviceId)
    {
        lock (_lock)
        {
            var open = _open.GetValueOrDefault(deviceId);
            if (open >= Limit)
            {
                return null;
            }

            _open[deviceId] = open + 1;
            return new Slot(this, deviceId);
        }
    }

    private void Release(string deviceId)
    {
        lock (_lock)
        {
            var left = _open[deviceId] - 1;
            if (left == 0)
            {
                _open.Remove(deviceId);
            }
            else
            {
                _open[deviceId] = left;
            }
        }
    }

    private sealed class Slot(ConnectionSlots slots, string deviceId) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release(deviceId);
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Fota.Api.DeviceStates;
using Fota.Api.Storage;

namespace Fota.Api.Notifications;

/// <summary>The open WebSocket connections of this instance, by device. Publishing never waits for a client.</summary>
public sealed class DeviceConnections
{
    private readonly Lock _changing = new();
    private readonly ConcurrentDictionary<string, ImmutableArray<NotificationConnection>> _byDevice = new(StringComparer.Ordinal);

    public int Count => _byDevice.Values.Sum(c => c.Length);

    public void Add(NotificationConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        lock (_changing)
        {
            _byDevice[connection.DeviceId] = _byDevice.TryGetValue(connection.DeviceId, out var existing) ? existing.Add(connection) : [connection];
        }
    }

    public void Remove(NotificationConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        lock (_changing)
        {
            if (_byDevice.TryGetValue(connection.DeviceId, out var existing))
            {
                var remaining = existing.Remove(connection);
                if (remaining.IsEmpty)
                {
                    _byDevice.TryRemove(connection.DeviceId, out _);
                }
                else
                {
                    _byDevice[connection.DeviceId] = remaining;
                }
            }
        }
    }

    /// <summary>Queues <paramref name="message"/> (JSON text) on every connection of <paramref name="deviceId"/>.</summary>
    public void Publish(string deviceId, string message) => Publish(new ChangeEvent(long.MaxValue, deviceId, message));

    /// <summary>Queues a change event's message on every connection of its device (state messages are told apart for the state on connect).</summary>
    public void Publish(ChangeEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!_byDevice.TryGetValue(change.DeviceId, out var connections))
        {
            return;
        }

        ReadOnlyMemory<byte> bytes = Encoding.UTF8.GetBytes(change.Payload);
        var isState = ShadowMessage.IsShadowMessage(change.Payload);
        foreach (var connection in connections)
        {
            connection.Deliver(change.Id, isState, bytes);
        }
    }
}

using System.Net.WebSockets;
using System.Threading.Channels;

namespace Fota.Api.Notifications;

/// <summary>
/// One open WebSocket of a device's client. Messages wait in a bounded queue and one loop sends them in order; a client
/// that stops reading fills the queue and is disconnected, so it never holds up the follower or other clients. Frames the
/// client sends are read and ignored. Closing is a close handshake with a time limit, then an abort. A connection is
/// created (and registered) before its WebSocket is accepted, so it queues every change published from the moment the
/// client can hold a WebSocket; <see cref="RunAsync"/> attaches the accepted socket and starts sending.
/// </summary>
public sealed partial class NotificationConnection
{
    private WebSocket? _socket;
    private readonly Channel<ReadOnlyMemory<byte>> _queue;
    private readonly TimeSpan _closeTimeout;
    private readonly ILogger _logger;
    private int _overflowed;
    private readonly Lock _gate = new();
    private List<HeldEvent>? _held;
    private long _stateSentThrough;

    public NotificationConnection(string deviceId, NotificationOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        DeviceId = deviceId;
        _closeTimeout = options.CloseTimeout;
        _logger = logger;
        _queue = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(options.MaxPending)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of dropping a message silently
            SingleReader = true,
        });
    }

    public string DeviceId { get; }

    /// <summary>Whether the connection was closed because its client did not keep up.</summary>
    public bool Overflowed => Volatile.Read(ref _overflowed) == 1;

    /// <summary>Queues one text message; when the queue is full the client is too slow and the connection is aborted.</summary>
    public void Enqueue(ReadOnlyMemory<byte> message)
    {
        if (_queue.Writer.TryWrite(message) || Interlocked.Exchange(ref _overflowed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        LogOverflow(DeviceId);
        Volatile.Read(ref _socket)?.Abort(); // not accepted yet: RunAsync aborts it
    }

    /// <summary>
    /// Holds change events (<see cref="Deliver"/>) until <see cref="SendInitialState"/>: called before the connection is
    /// registered, so the state sent on connect and the state change events around it are sent once, in order.
    /// </summary>
    public void HoldUntilInitialState()
    {
        lock (_gate)
        {
            _held ??= [];
        }
    }

    /// <summary>
    /// Queues one change event's message (or holds it, <see cref="HoldUntilInitialState"/>). A state event the state sent on
    /// connect already contains is left out, also when the follower hands it out after that state was sent.
    /// </summary>
    public void Deliver(long eventId, bool isState, ReadOnlyMemory<byte> message)
    {
        lock (_gate)
        {
            if (_held is not null)
            {
                _held.Add(new HeldEvent(eventId, isState, message));
                return;
            }

            if (!(isState && eventId <= _stateSentThrough))
            {
                Enqueue(message);
            }
        }
    }

    /// <summary>
    /// Queues the device's stored state message (none when it is not known yet), then the held events, leaving out the state
    /// events the stored state already contains (ids up to <paramref name="stateEventId"/>, now or when delivered later);
    /// other events pass at once.
    /// </summary>
    public void SendInitialState(ReadOnlyMemory<byte>? state, long stateEventId)
    {
        lock (_gate)
        {
            if (state is { } message)
            {
                Enqueue(message);
            }

            foreach (var held in _held ?? [])
            {
                if (!(held.IsState && held.EventId <= stateEventId))
                {
                    Enqueue(held.Message);
                }
            }

            _held = null;
            _stateSentThrough = stateEventId;
        }
    }

    /// <summary>
    /// Sends queued messages over <paramref name="socket"/> until the client closes, the connection fails, or
    /// <paramref name="stopping"/> (close code 1001).
    /// </summary>
    public async Task RunAsync(WebSocket socket, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (Interlocked.CompareExchange(ref _socket, socket, null) is not null)
        {
            throw new InvalidOperationException("The connection already runs.");
        }

        if (Overflowed)
        {
            socket.Abort();
            return;
        }

        var receiving = ReceiveUntilCloseAsync(socket);
        var sending = SendQueuedAsync(socket);
        using (stopping.Register(() => _queue.Writer.TryComplete()))
        {
            await Task.WhenAny(receiving, sending);
            _queue.Writer.TryComplete();
            await sending;
        }

        if (Overflowed)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(_closeTimeout);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                var (status, reason) = stopping.IsCancellationRequested
                    ? (WebSocketCloseStatus.EndpointUnavailable, "The service is stopping.")
                    : (WebSocketCloseStatus.NormalClosure, "Bye.");
                await socket.CloseOutputAsync(status, reason, timeout.Token);
            }

            await receiving.WaitAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            socket.Abort();
        }
    }

    private async Task SendQueuedAsync(WebSocket socket)
    {
        try
        {
            await foreach (var message in _queue.Reader.ReadAllAsync())
            {
                await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The connection is gone (aborted, reset); the receive side ends too.
        }
    }

    private static async Task ReceiveUntilCloseAsync(WebSocket socket)
    {
        var buffer = new byte[512];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The connection is gone; nothing more to read.
        }
    }

    private sealed record HeldEvent(long EventId, bool IsState, ReadOnlyMemory<byte> Message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSocket of device {DeviceId} closed: its client stopped reading and its send queue is full")]
    private partial void LogOverflow(string deviceId);
}

using System.Net.WebSockets;
using System.Text;
using Fota.Api.Notifications;
using Fota.Api.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fota.Api.Tests;

/// <summary>The bounded per-connection send queue: a client that stops reading is disconnected and slows nobody.</summary>
public sealed class NotificationQueueTests
{
    private static readonly NotificationOptions Options = new() { MaxPending = 5, CloseTimeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task A_client_that_stops_reading_is_disconnected_once_its_queue_is_full_and_the_others_get_every_message()
    {
        var connections = new DeviceConnections();
        var stalledSocket = new FakeWebSocket(stalled: true);
        var readingSocket = new FakeWebSocket(stalled: false);
        var stalled = new NotificationConnection("device-1", Options, NullLogger.Instance);
        var reading = new NotificationConnection("device-1", Options, NullLogger.Instance);
        connections.Add(stalled);
        connections.Add(reading);
        var stalledRun = stalled.RunAsync(stalledSocket, CancellationToken.None);
        var readingRun = reading.RunAsync(readingSocket, CancellationToken.None);

        for (var i = 1; i <= 50; i++)
        {
            connections.Publish("device-1", $"{{\"n\":{i}}}"); // only queues: never waits for a client
            await Eventually.TrueAsync(() => readingSocket.Sent.Count == i, $"the reading client to get message {i}");
        }

        await stalledRun.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        stalled.Overflowed.Should().BeTrue("the stalled client's queue of 5 overflowed");
        stalledSocket.Aborted.Should().BeTrue("a client that does not read cannot take part in a close handshake");
        stalledSocket.Sent.Should().BeEmpty();
        readingSocket.Sent.Should().Equal(Enumerable.Range(1, 50).Select(i => $"{{\"n\":{i}}}"), "messages arrive once each, in order");
        reading.Overflowed.Should().BeFalse();

        readingSocket.ClientCloses();
        await readingRun.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        readingSocket.CloseStatusSent.Should().Be(WebSocketCloseStatus.NormalClosure, "a client's close is answered");
    }

    [Fact]
    public async Task Stopping_sends_the_queued_messages_then_closes_with_1001()
    {
        var socket = new FakeWebSocket(stalled: false);
        var connection = new NotificationConnection("device-1", Options, NullLogger.Instance);
        connection.Enqueue(Encoding.UTF8.GetBytes("{\"n\":1}"));
        using var stopping = new CancellationTokenSource();
        var run = connection.RunAsync(socket, stopping.Token);
        await Eventually.TrueAsync(() => socket.Sent.Count == 1, "the queued message to be sent");

        await stopping.CancelAsync();
        await Eventually.TrueAsync(() => socket.CloseStatusSent is not null, "the close frame");
        socket.ClientCloses();
        await run.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        socket.CloseStatusSent.Should().Be(WebSocketCloseStatus.EndpointUnavailable);
        socket.Aborted.Should().BeFalse("the client answered the close in time");
    }

    [Fact]
    public async Task State_events_the_state_on_connect_contains_are_left_out_even_when_delivered_after_it()
    {
        var socket = new FakeWebSocket(stalled: false);
        var connection = new NotificationConnection("device-1", Options, NullLogger.Instance);
        connection.HoldUntilInitialState();
        connection.Deliver(3, isState: true, Encoding.UTF8.GetBytes("{\"state\":\"held, older\"}"));
        connection.Deliver(4, isState: false, Encoding.UTF8.GetBytes("{\"job\":\"held\"}"));
        connection.SendInitialState(Encoding.UTF8.GetBytes("{\"state\":5}"), stateEventId: 5);
        connection.Deliver(5, isState: true, Encoding.UTF8.GetBytes("{\"state\":\"the read on connect, late\"}"));
        connection.Deliver(5, isState: false, Encoding.UTF8.GetBytes("{\"job\":\"late\"}"));
        connection.Deliver(6, isState: true, Encoding.UTF8.GetBytes("{\"state\":6}"));
        var run = connection.RunAsync(socket, CancellationToken.None);

        socket.ClientCloses(); // the run sends everything queued before it closes
        await run.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        socket.Sent.Should().Equal(
            ["{\"state\":5}", "{\"job\":\"held\"}", "{\"job\":\"late\"}", "{\"state\":6}"],
            "the follower can hand out the stored state's own event after the state on connect was sent (SPEC §2.11: once)");
    }

    /// <summary>A server-side WebSocket whose client either reads everything or never reads (sends never complete).</summary>
    private sealed class FakeWebSocket(bool stalled) : WebSocket
    {
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<WebSocketReceiveResult> _clientClose = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<string> _sent = [];
        private WebSocketState _state = WebSocketState.Open;

        public IReadOnlyList<string> Sent
        {
            get
            {
                lock (_sent)
                {
                    return [.. _sent];
                }
            }
        }

        public bool Aborted { get; private set; }

        public WebSocketCloseStatus? CloseStatusSent { get; private set; }

        public override WebSocketCloseStatus? CloseStatus => CloseStatusSent;

        public override string? CloseStatusDescription => null;

        public override WebSocketState State => _state;

        public override string? SubProtocol => null;

        public void ClientCloses() => _clientClose.TrySetResult(new WebSocketReceiveResult(0, WebSocketMessageType.Close, true, WebSocketCloseStatus.NormalClosure, "bye"));

        public override void Abort()
        {
            Aborted = true;
            _state = WebSocketState.Aborted;
            _ended.TrySetResult();
            _clientClose.TrySetException(new WebSocketException(WebSocketError.ConnectionClosedPrematurely));
        }

        public override async Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
        {
            if (stalled)
            {
                await _ended.Task; // the client's receive window is full: the send never completes
                throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely);
            }

            lock (_sent)
            {
                _sent.Add(Encoding.UTF8.GetString(buffer));
            }
        }

        public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
        {
            var result = await _clientClose.Task;
            _state = CloseStatusSent is null ? WebSocketState.CloseReceived : WebSocketState.Closed;
            return result;
        }

        public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
        {
            CloseStatusSent = closeStatus;
            _state = _state == WebSocketState.CloseReceived ? WebSocketState.Closed : WebSocketState.CloseSent;
            return Task.CompletedTask;
        }

        public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
            CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

        public override void Dispose()
        {
        }
    }
}

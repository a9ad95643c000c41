using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Fota.Api.Devices;

namespace Fota.Api.Tests.Support;

/// <summary>A WebSocket client of the notification endpoint through the test server, reading one message at a time.</summary>
public sealed class NotificationClient : IAsyncDisposable
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(20);

    private NotificationClient(WebSocket socket) => Socket = socket;

    public WebSocket Socket { get; }

    public static async Task<NotificationClient> ConnectAsync(FotaApiFactory api, string fingerprint, string? origin = null)
    {
        var client = api.Server.CreateWebSocketClient();
        if (origin is not null)
        {
            client.ConfigureRequest = request => request.Headers.Origin = origin;
        }

        var socket = await client.ConnectAsync(new Uri($"ws://localhost/ws?fingerprint={Uri.EscapeDataString(fingerprint)}"), TestContext.Current.CancellationToken);
        return new NotificationClient(socket);
    }

    /// <summary>A client of a WebSocket opened some other way.</summary>
    public static NotificationClient Of(WebSocket socket) => new(socket);

    public static Task<NotificationClient> ConnectAsync(FotaApiFactory api, DeviceResponse device) => ConnectAsync(api, device.Fingerprint);

    /// <summary>A client of a service running as a process (<see cref="ServiceProcess"/>), over a real socket.</summary>
    public static async Task<NotificationClient> ConnectAsync(Uri serviceUrl, string fingerprint)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{serviceUrl.Authority}/ws?fingerprint={Uri.EscapeDataString(fingerprint)}"), TestContext.Current.CancellationToken);
        return new NotificationClient(socket);
    }

    /// <summary>The next text message as JSON; fails when the connection closes or nothing arrives in time.</summary>
    public async Task<JsonObject> ReceiveAsync()
    {
        var (type, text, _) = await ReceiveFrameAsync();
        type.Should().Be(WebSocketMessageType.Text, $"a message was expected, the connection ended instead ({text})");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The next job execution, skipping nothing: fails when the next message is another kind.</summary>
    public async Task<JsonObject> ReceiveJobAsync()
    {
        var message = await ReceiveAsync();
        message["@context"]!.GetValue<string>().Should().Be("https://github.com/hello-nrfcloud/proto/fota/job-execution", message.ToJsonString());
        return message;
    }

    /// <summary>The next frame: its type, its text (or the close description) and the close status.</summary>
    public async Task<(WebSocketMessageType Type, string Text, WebSocketCloseStatus? CloseStatus)> ReceiveFrameAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(ReceiveTimeout);
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await Socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return (received.MessageType, received.CloseStatusDescription ?? "", received.CloseStatus);
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return (received.MessageType, Encoding.UTF8.GetString(message.ToArray()), null);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "test done", timeout.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or IOException)
            {
                Socket.Abort();
            }
        }

        Socket.Dispose();
    }
}

using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fota.AcceptanceTests.Drivers;

/// <summary>One text message received on a WebSocket; <see cref="Consumed"/> once a step has matched it.</summary>
public sealed class ReceivedMessage(int number, string text)
{
    public int Number { get; } = number;

    public string Text { get; } = text;

    public JsonNode? Json { get; } = Parse(text);

    public bool Consumed { get; set; }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text); // not JSON: matched as a string
        }
    }
}

/// <summary>
/// A WebSocket of the scenario that receives in the background and keeps every message, so steps can look for one
/// (consuming it) and failures can list what arrived.
/// </summary>
public sealed class ReceivingWebSocket : IAsyncDisposable
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket;
    private readonly List<ReceivedMessage> _messages = [];
    private readonly Lock _lock = new();
    private readonly Task _receiving;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _closedBecause;

    public ReceivingWebSocket(WebSocket socket, string description)
    {
        _socket = socket;
        Description = description;
        _receiving = ReceiveAsync();
    }

    public string Description { get; }

    /// <summary>Every message so far, in the order received.</summary>
    public IReadOnlyList<ReceivedMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Why the connection ended, or null while it is open.</summary>
    public string? ClosedBecause
    {
        get
        {
            lock (_lock)
            {
                return _closedBecause;
            }
        }
    }

    /// <summary>Marks and returns the first unconsumed message for which <paramref name="matches"/> holds.</summary>
    public ReceivedMessage? Consume(Func<ReceivedMessage, bool> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        lock (_lock)
        {
            var found = _messages.FirstOrDefault(m => !m.Consumed && matches(m));
            found?.Consumed = true;
            return found;
        }
    }

    /// <summary>Waits until more than <paramref name="count"/> messages have arrived, the connection ended, or <paramref name="timeout"/>.</summary>
    public async Task WaitForMoreThanAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task arrived;
        lock (_lock)
        {
            if (_messages.Count > count || _closedBecause is not null)
            {
                return;
            }

            arrived = _arrived.Task;
        }

        await Task.WhenAny(arrived, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>What arrived, for failure messages.</summary>
    public string Describe()
    {
        var messages = Messages;
        var text = new StringBuilder().Append(Description).Append(": ").Append(messages.Count).Append(" message(s) received so far");
        foreach (var message in messages)
        {
            text.AppendLine().Append("  ").Append(message.Number).Append(". ")
                .Append(message.Text.Length <= 1000 ? message.Text : message.Text[..1000] + "…")
                .Append(message.Consumed ? "  (matched by an earlier step)" : string.Empty);
        }

        if (ClosedBecause is { } closed)
        {
            text.AppendLine().Append("  The connection has ended: ").Append(closed);
        }

        return text.ToString();
    }

    /// <summary>Closes cleanly (close handshake with a time limit), then stops receiving.</summary>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(CloseTimeout);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "The scenario ended.", timeout.Token).ConfigureAwait(false);
            }

            await _receiving.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            _socket.Abort();
        }

        _socket.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, CancellationToken.None).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    End($"closed by the service ({(int?)received.CloseStatus} {received.CloseStatusDescription})");
                    return;
                }

                message.Write(buffer, 0, received.Count);
                if (received.EndOfMessage)
                {
                    Add(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                    message.SetLength(0);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            End($"failed ({exception.Message})");
        }
    }

    private void Add(string text)
    {
        TaskCompletionSource arrived;
        lock (_lock)
        {
            _messages.Add(new ReceivedMessage(_messages.Count + 1, text));
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
    }

    private void End(string because)
    {
        TaskCompletionSource arrived;
        lock (_lock)
        {
            _closedBecause ??= because;
            arrived = _arrived;
        }

        arrived.TrySetResult();
    }
}

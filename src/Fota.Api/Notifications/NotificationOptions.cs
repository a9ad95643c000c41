namespace Fota.Api.Notifications;

/// <summary>Section <c>Fota:Notifications</c>: the WebSocket endpoint and the change-event follower behind it.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Fota:Notifications";

    /// <summary>How often the follower looks for events that other instances stored (this instance's own wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long stored events are kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The server pings a connection this often.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A connection whose client does not answer a ping (pong) within this time is aborted.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages waiting to be sent to one connection; when one more arrives, the connection is closed.</summary>
    public int MaxPending { get; set; } = 100;

    /// <summary>Open WebSockets per device on one instance; one more is refused before the upgrade (429).</summary>
    public int MaxConnectionsPerDevice { get; set; } = 20;

    /// <summary>How long a closing connection waits for the client's close frame (also when the service stops).</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(2);
}

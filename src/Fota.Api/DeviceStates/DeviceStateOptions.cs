namespace Fota.Api.DeviceStates;

/// <summary>Section <c>Fota:DeviceState</c>: the background reads of device state (SPEC §3.5).</summary>
public sealed class DeviceStateOptions
{
    public const string Section = "Fota:DeviceState";

    /// <summary>How often a watched device's state is read (a failed read is retried with the poller's backoff instead).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether this instance runs background reads at all (watches and reads at schedule time work regardless).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>At most this many accounts' reads run at once on this instance; each account runs one batch at a time.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>How long a claimed read is reserved for this instance; a call still running then is cancelled.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Due reads one claim takes (split per account into calls of at most 100 devices).</summary>
    public int ClaimSize { get; set; } = 1000;

    /// <summary>
    /// How long an open WebSocket's watch lasts unless renewed; its instance renews it while connected, so the watch of an
    /// instance that died ends by itself.
    /// </summary>
    public TimeSpan WebSocketWatchLease { get; set; } = TimeSpan.FromMinutes(1);
}

namespace Fota.Api.Storage;

/// <summary>The last state read of a device: <c>state.reported</c> as JSON, the state message made of it and the id of its change event.</summary>
public sealed record StoredDeviceState(string DeviceId, string ReportedJson, string Message, long EventId);

/// <summary>A state just read from nRF Cloud, to be stored when its <c>reported</c> content differs from the stored one.</summary>
public sealed record DeviceStateWrite(string DeviceId, string Account, string ReportedJson, string Message, DateTimeOffset ReadAt);

/// <summary>A background read claimed by one instance until <see cref="ClaimedUntil"/>.</summary>
public sealed record ClaimedStateRead(string DeviceId, string Account, int Failures, DateTimeOffset ClaimedUntil);

/// <summary>How a claimed read ended: when to read again, and how many failures in a row (0 after a success).</summary>
public sealed record StateReadOutcome(string DeviceId, DateTimeOffset NextReadAt, int Failures);

/// <summary>
/// The device-state tables (SPEC §3.5): stored states with their change events (the outbox, same transaction), watches
/// (who wants background reads of a device until when) and the claims of background read rounds.
/// </summary>
public interface IDeviceStateStore
{
    Task<StoredDeviceState?> FindAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores each state whose <c>reported</c> content differs from the stored one (or that is the first), each with a change
    /// event carrying its message, in one transaction; an unchanged state writes nothing. Returns the ids of the changed devices.
    /// </summary>
    Task<IReadOnlyList<string>> SaveAsync(IReadOnlyList<DeviceStateWrite> states, CancellationToken cancellationToken);

    /// <summary>Watches (or moves the deadline of <paramref name="watcher"/>'s watch of) each registered device until <paramref name="until"/>.</summary>
    Task WatchAsync(IReadOnlyCollection<string> deviceIds, string watcher, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    Task UnwatchAsync(string deviceId, string watcher, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="limit"/> due reads of watched devices, leaving out <paramref name="skipAccounts"/>; drops expired watches.</summary>
    Task<IReadOnlyList<ClaimedStateRead>> ClaimDueAsync(
        string owner, DateTimeOffset now, DateTimeOffset claimUntil, int limit, IReadOnlyList<string> skipAccounts, CancellationToken cancellationToken);

    /// <summary>Writes the outcomes of claimed reads and gives their claims back (an outcome whose claim is no longer ours is skipped).</summary>
    Task FinishReadsAsync(string owner, IReadOnlyList<StateReadOutcome> outcomes, CancellationToken cancellationToken);

    Task<int> ReleaseClaimsAsync(string owner, CancellationToken cancellationToken);
}

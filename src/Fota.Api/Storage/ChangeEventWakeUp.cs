using Fota.Api.Fota;
using Fota.Api.Notifications;
using Microsoft.Extensions.Options;

namespace Fota.Api.Storage;

/// <summary>
/// How the change-event follower learns that new events may be stored. The stores call <see cref="Committed"/> after
/// committing an event, which wakes this instance's follower at once; events of other instances are found by
/// <see cref="WaitAsync"/> returning anyway after a while (SQLite: a polling interval; PostgreSQL: a NOTIFY, with the
/// same interval as a safety net).
/// </summary>
public interface IChangeEventWakeUp
{
    /// <summary>This instance committed at least one change event.</summary>
    void Committed();

    /// <summary>Returns when events may be waiting: after <see cref="Committed"/>, or at the latest after the polling interval.</summary>
    Task WaitAsync(CancellationToken cancellationToken);
}

/// <summary>The SQLite wake-up: this instance's commits at once, everything else every <c>Fota:Notifications:PollInterval</c>.</summary>
public sealed class PollingChangeEventWakeUp(IOptions<NotificationOptions> options, TimeProvider timeProvider) : IChangeEventWakeUp
{
    private readonly PollSignal _committed = new();

    public void Committed() => _committed.Notify();

    public Task WaitAsync(CancellationToken cancellationToken) =>
        _committed.WaitAsync(options.Value.PollInterval, timeProvider, cancellationToken);
}

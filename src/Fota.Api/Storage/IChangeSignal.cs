namespace Fota.Api.Storage;

/// <summary>
/// Wakes the follower of the stored change events (the outbox) when new events may have been stored, by this instance or
/// another one sharing the database. A wake-up is a hint, never the data: the follower reads the outbox after every wake-up
/// and also after <c>safetyInterval</c> without one, so a lost wake-up only delays delivery until then.
/// </summary>
public interface IChangeSignal
{
    /// <summary>Returns when woken or after <paramref name="safetyInterval"/>, whichever comes first.</summary>
    Task WaitAsync(TimeSpan safetyInterval, CancellationToken cancellationToken);
}

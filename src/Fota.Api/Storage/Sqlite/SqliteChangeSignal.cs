namespace Fota.Api.Storage.Sqlite;

/// <summary>SQLite has no cross-process notifications: the follower reads the outbox every interval (a short one).</summary>
public sealed class SqliteChangeSignal(TimeProvider timeProvider) : IChangeSignal
{
    public Task WaitAsync(TimeSpan safetyInterval, CancellationToken cancellationToken) =>
        Task.Delay(safetyInterval, timeProvider, cancellationToken);
}

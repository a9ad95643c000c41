namespace Fota.Api.Storage;

/// <summary>One stored change: its id (increasing in commit order), the device it concerns and the message as sent.</summary>
public sealed record ChangeEvent(long Id, string DeviceId, string Payload)
{
    /// <summary>When it was written, by the database's clock (Unix milliseconds).</summary>
    public long CreatedAtMs { get; init; }

    /// <summary>The W3C <c>traceparent</c> of what caused it (the schedule request, a poll), if it was traced.</summary>
    public string? TraceParent { get; init; }
}

/// <summary>
/// The change-event follower's reads of the outbox (<c>change_events</c>). The job stores write the events, in the
/// transaction of each change, so that ids become visible in id order: a follower reading after the last id it saw skips nothing.
/// </summary>
public interface IChangeEventStore
{
    /// <summary>The id of the newest event, 0 when there is none: a follower starting now is owed only later events.</summary>
    Task<long> LatestIdAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> events after <paramref name="afterId"/>, oldest first.</summary>
    Task<IReadOnlyList<ChangeEvent>> ReadAfterAsync(long afterId, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes events older than <paramref name="retention"/> (by the database's clock, as they were written); returns how many.</summary>
    Task<int> PruneAsync(TimeSpan retention, CancellationToken cancellationToken);
}

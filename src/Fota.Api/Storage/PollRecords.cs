namespace Fota.Api.Storage;

/// <summary>A job this instance has claimed for one status poll, until <see cref="ClaimedUntil"/>.</summary>
public sealed record ClaimedJob(
    string JobId,
    string Account,
    string Status,
    string? StatusDetail,
    string Version,
    DateTimeOffset CreatedAt,
    int UnchangedPolls,
    DateTimeOffset ClaimedUntil);

/// <summary>
/// What a successful status poll (or giving up on a job) sets. A null <see cref="LastUpdatedAt"/> keeps the stored one: nothing
/// changed and nRF Cloud gave no time.
/// </summary>
public sealed record JobStatusUpdate(string Status, string? StatusDetail, string Version, string? LastUpdatedAt, bool IsFinal);

/// <summary>
/// The outcome of one status poll, to be written while the claim is ours: a new state (<see cref="Update"/>), or for a failed
/// poll only the time of the next one.
/// </summary>
public sealed record PollOutcome(string JobId, JobStatusUpdate? Update, DateTimeOffset NextPollAt, int UnchangedPolls)
{
    /// <summary>The poll's span (W3C <c>traceparent</c>), stored with the change event it causes; null when not traced.</summary>
    public string? TraceParent { get; init; }
}

namespace Fota.Api.Storage;

/// <summary>A job as clients see it: what a change event is written for, when it was created or when any of it changed.</summary>
public sealed record JobChange(string JobId, string DeviceId, string Status, string? StatusDetail, string LastUpdatedAt, string Version)
{
    public static JobChange From(StoredJob job) =>
        new(job.JobId, job.DeviceId, job.Status, job.StatusDetail, job.LastUpdatedAt, job.Version);

    /// <summary>
    /// The W3C <c>traceparent</c> of what caused the change (a poll's span), stored with its event; null: the event takes the
    /// span current when it is written (the schedule or cancel request's).
    /// </summary>
    public string? TraceParent { get; init; }
}

/// <summary>
/// The message a change event carries, as its owner (the API's job execution contract) serializes it: the stores write
/// the events in the transaction of each change but do not know the message's shape.
/// </summary>
public interface IChangeEventPayload
{
    string Serialize(JobChange change);
}

namespace Fota.Api.Storage;

/// <summary>
/// A schedule request between "about to create the job at nRF Cloud" and "stored as a job" (table <c>fota_job_intents</c>).
/// <see cref="ScheduleIntentStates.Pending"/> while the create runs; <see cref="ScheduleIntentStates.Unknown"/> when
/// nRF Cloud may have created a job that the service could not learn the id of (kept for reconciliation).
/// </summary>
public sealed record ScheduleIntent(
    string IntentId,
    string DeviceId,
    string Account,
    string BundleId,
    string State,
    string? Detail,
    DateTimeOffset CreatedAt);

public static class ScheduleIntentStates
{
    public const string Pending = "PENDING";
    public const string Unknown = "UNKNOWN";
}
